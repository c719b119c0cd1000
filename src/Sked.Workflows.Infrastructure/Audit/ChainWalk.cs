namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The outcome of verifying the chain: how many events hold, the first that does not (on the lowest lane
/// that breaks), and each lane's head (<see cref="ChainLanes"/>).
/// </summary>
public sealed record ChainVerification(bool Valid, long Events, ChainBreak? FirstBroken, IReadOnlyList<LaneHead> Heads)
{
    /// <summary>One lane's outcome alone.</summary>
    public static ChainVerification Of(LaneHead head, ChainBreak? broken) => new(broken is null, head.Verified, broken, [head]);
}

/// <summary>A lane's head as stored, and how many of its events were verified.</summary>
public sealed record LaneHead(int Lane, long Seq, string Hash, long Verified);

/// <summary>
/// The first place the chain does not hold: the Seq (and row Id, when there is a row) and why —
/// <c>hash</c> (a field, the hash or the predecessor changed, or the key is not ours), <c>gap</c>
/// (events before it are missing), <c>order</c> (a Seq repeats or goes back), <c>missing</c> (the head
/// names events that are gone), <c>head</c> (the head's hash is not the last event's), <c>stray</c>
/// (a row outside its lane's chain, or on a lane with no head) or <c>checkpoint</c> (differs from an
/// exported checkpoint, or names an event, or a lane, the chain no longer reaches).
/// </summary>
public sealed record ChainBreak(long Seq, long? Id, string Reason);

/// <summary>
/// The verifier's pure core for one lane: walks its events in the order the store returns them by Seq and
/// stops at the first that breaks the chain. Optional anchors are checkpoints of the lane exported earlier
/// (Seq → hash); the chain must still contain each of them.
/// </summary>
public sealed class ChainWalk(AuditChain chain, IReadOnlyDictionary<long, byte[]>? anchors = null, int lane = ChainLanes.First) : IDisposable
{
    private readonly AuditChain.Linker _linker = chain.CreateLinker();
    private readonly long _start = ChainLanes.Start(lane);
    private byte[] _previous = AuditChain.Genesis();
    private long _last = ChainLanes.Start(lane);

    /// <summary>How many of the lane's events hold.</summary>
    public long Verified => _last - _start;
    public ChainBreak? Broken { get; private set; }

    /// <summary>Checks the next event; false once the chain is broken (later events are not looked at).</summary>
    public bool Step(AuditEvent audit)
    {
        if (Broken is not null)
        {
            return false;
        }

        var expected = _last + 1;
        if (audit.Seq != expected)
        {
            return Break(audit.Seq, audit.Id, audit.Seq > expected ? "gap" : "order");
        }

        if (!_linker.Matches(_previous, audit))
        {
            return Break(audit.Seq, audit.Id, "hash");
        }

        if (anchors is not null && anchors.TryGetValue(audit.Seq, out var anchor) && !anchor.AsSpan().SequenceEqual(audit.Hash))
        {
            return Break(audit.Seq, audit.Id, "checkpoint");
        }

        _previous = audit.Hash;
        _last = audit.Seq;
        return true;
    }

    /// <summary>Ends the walk against the head (and a row found outside 1…head, if any).</summary>
    public ChainVerification Finish(AuditChainHead head, (long Seq, long Id)? stray = null)
    {
        if (Broken is null)
        {
            if (_last < head.Seq)
            {
                Break(_last + 1, null, "missing");
            }
            else if (!head.Hash.AsSpan().SequenceEqual(_previous))
            {
                Break(head.Seq, null, "head");
            }
            else if (stray is { } row)
            {
                Break(row.Seq, row.Id, "stray");
            }
            else if (anchors is not null && anchors.Keys.Any(seq => seq > _last))
            {
                // An outsider's checkpoint names an event the chain no longer reaches: it was cut short.
                Break(anchors.Keys.Where(seq => seq > _last).Min(), null, "checkpoint");
            }
        }

        return ChainVerification.Of(new LaneHead(lane, head.Seq, AuditChain.Hex(head.Hash), Verified), Broken);
    }

    /// <summary>Verifies a whole chain held in memory.</summary>
    public static ChainVerification Verify(AuditChain chain, IEnumerable<AuditEvent> events, AuditChainHead head,
        IReadOnlyDictionary<long, byte[]>? anchors = null)
    {
        using var walk = new ChainWalk(chain, anchors);
        foreach (var audit in events)
        {
            if (!walk.Step(audit))
            {
                break;
            }
        }

        return walk.Finish(head);
    }

    private bool Break(long seq, long? id, string reason)
    {
        Broken = new ChainBreak(seq, id, reason);
        return false;
    }

    public void Dispose() => _linker.Dispose();
}
