namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// One recorded change, written in the same transaction as the change itself. Append-only: the
/// database refuses updates and deletes (triggers in the migrations).
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Type { get; init; }
    public required string Actor { get; init; }
    public Guid? CaseId { get; init; }
    public string? TrackingCode { get; init; }
    public Guid? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public int? DefinitionVersion { get; init; }
    public required string Data { get; init; }
    public string? ClientAddress { get; init; }
}
