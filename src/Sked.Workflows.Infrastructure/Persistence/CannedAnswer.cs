namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>A ready-made answer text a department keeps for questions it is asked often; heads manage them.</summary>
public sealed class CannedAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Department { get; init; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
