using System.Diagnostics.CodeAnalysis;
using Sked.Workflows.Engine.Audit;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// One recorded change, written in the same transaction as the change itself. Append-only: the
/// database refuses updates and deletes (triggers in the migrations). Each event is a link of a
/// hash chain: <see cref="Seq"/> and <see cref="Hash"/> are given by <see cref="AuditChainSealer"/>
/// as the transaction saves, so whoever writes an event leaves them unset.
/// </summary>
public sealed class AuditEvent
{
    private static long s_created;

    public AuditEvent()
    {
    }

    /// <summary>An event of a catalogued type: its wire name and its data as the catalogue writes them.</summary>
    [SetsRequiredMembers]
    public AuditEvent(AuditEventData data, string actor)
    {
        Type = AuditEvents.NameOf(data);
        Data = AuditEvents.Serialize(data);
        Actor = actor;
    }

    private long _id;

    /// <summary>Given by the database when the sealer inserts the event, at commit (<see cref="Inserted"/>).</summary>
    public long Id { get => _id; init => _id = value; }

    /// <summary>Position in the chain: 1, 2, 3… without gaps, in commit order.</summary>
    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }
    public required string Type { get; init; }
    public required string Actor { get; init; }
    public Guid? CaseId { get; init; }
    public string? TrackingCode { get; init; }
    public Guid? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public int? DefinitionVersion { get; init; }
    public required string Data { get; init; }
    public string? ClientAddress { get; init; }

    /// <summary>HMAC-SHA256 over the previous event's hash and this event's fields (<see cref="AuditChain"/>).</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>
    /// The order in which the process created the events, so one transaction's events are chained in
    /// the order its code wrote them (the change tracker promises no order). Not stored.
    /// </summary>
    internal long CreationOrder { get; } = Interlocked.Increment(ref s_created);

    /// <summary>The sealer inserts events with plain commands, not through EF, and gives each the Id its row got.</summary>
    internal void Inserted(long id) => _id = id;
}
