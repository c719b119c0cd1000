namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The last link of a lane of the chain (<see cref="ChainLanes"/>), one row per lane. A transaction that
/// writes audit events locks its lane's head as it commits, so a lane's events are chained in commit order
/// and two transactions can never fork it.
/// </summary>
public sealed class AuditChainHead
{
    /// <summary>The lane: 1, 2 … (lane 1's row comes with the schema).</summary>
    public int Id { get; init; } = ChainLanes.First;

    /// <summary>The last event's Seq; <see cref="ChainLanes.Start"/> of the lane (0 for lane 1) while it is empty.</summary>
    public long Seq { get; set; }

    /// <summary>The last event's hash; 32 zero bytes while the log is empty.</summary>
    public byte[] Hash { get; set; } = AuditChain.Genesis();

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The day (Iran time) of the last seal; the next seal on a later day closes this day's checkpoint.</summary>
    public DateOnly? SealedOn { get; set; }

    /// <summary>A copy to link on, leaving this one as it was (the hash arrays are replaced by linking, never changed).</summary>
    public AuditChainHead Copy() => new() { Id = Id, Seq = Seq, Hash = Hash, At = At, SealedOn = SealedOn };
}

/// <summary>
/// A lane's head at the end of a day (Iran time): the last Seq sealed on it that day and its hash. Exported
/// and kept by someone outside the company, it later proves that the lane's events up to <see cref="Seq"/>
/// were not rewritten since.
/// </summary>
public sealed class AuditCheckpoint
{
    public int Lane { get; init; } = ChainLanes.First;
    public DateOnly Day { get; init; }
    public long Seq { get; init; }
    public required byte[] Hash { get; init; }

    /// <summary>When the day's last event happened.</summary>
    public DateTimeOffset? At { get; init; }
}
