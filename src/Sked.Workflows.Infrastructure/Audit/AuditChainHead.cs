namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The last link of the chain, one row (Id 1). A transaction that writes audit events locks it first,
/// so events are chained in commit order and two transactions can never fork the chain.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    /// <summary>The last event's Seq; 0 while the chain is empty.</summary>
    public long Seq { get; set; }

    /// <summary>The last event's hash; 32 zero bytes while the log is empty.</summary>
    public byte[] Hash { get; set; } = AuditChain.Genesis();

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The day (Iran time) of the last seal; the next seal on a later day closes this day's checkpoint.</summary>
    public DateOnly? SealedOn { get; set; }

    /// <summary>A copy to link on, leaving this one as it was (the hash arrays are replaced by linking, never changed).</summary>
    public AuditChainHead Copy() => new() { Seq = Seq, Hash = Hash, At = At, SealedOn = SealedOn };
}

/// <summary>
/// The chain head at the end of a day (Iran time): the last Seq sealed that day and its hash. Exported
/// and kept by someone outside the company, it later proves that the first <see cref="Seq"/> events
/// were not rewritten since.
/// </summary>
public sealed class AuditCheckpoint
{
    public DateOnly Day { get; init; }
    public long Seq { get; init; }
    public required byte[] Hash { get; init; }

    /// <summary>When the day's last event happened.</summary>
    public DateTimeOffset? At { get; init; }
}
