namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The verifier's walk over every lane at once (<see cref="ChainLanes"/>): events come in Seq order, so one lane's
/// after another's, and each goes to its lane's <see cref="ChainWalk"/>. An event past its lane's head, or on a
/// lane with no head, is a stray; an exported checkpoint on a lane with no head names events that are gone (a
/// lane deleted whole, head and all, is caught this way, as a chain cut short is by its own checkpoints).
/// </summary>
internal sealed class LaneWalks : IDisposable
{
    private readonly SortedDictionary<int, (AuditChainHead Head, ChainWalk Walk)> _lanes = [];
    private readonly Dictionary<int, (long Seq, long Id)> _strays = [];
    private readonly IReadOnlyDictionary<long, byte[]>? _anchors;
    private (long Seq, long Id)? _headless;

    public LaneWalks(AuditChain chain, IEnumerable<AuditChainHead> heads, IReadOnlyDictionary<long, byte[]>? anchors)
    {
        _anchors = anchors;
        foreach (var head in heads)
        {
            var own = anchors?.Where(a => ChainLanes.Of(a.Key) == head.Id).ToDictionary(a => a.Key, a => a.Value);
            _lanes[head.Id] = (head, new ChainWalk(chain, own, head.Id));
        }
    }

    public void Step(AuditEvent audit)
    {
        var lane = ChainLanes.Of(audit.Seq);
        if (!_lanes.TryGetValue(lane, out var walk))
        {
            _headless ??= (audit.Seq, audit.Id);
        }
        else if (audit.Seq > walk.Head.Seq)
        {
            _strays.TryAdd(lane, (audit.Seq, audit.Id));
        }
        else
        {
            walk.Walk.Step(audit);
        }
    }

    /// <summary>The outcome: valid when every lane holds; else the first break of the lowest lane that breaks.</summary>
    public ChainVerification Finish()
    {
        var outcomes = _lanes.Values.Select(l => l.Walk.Finish(l.Head, _strays.TryGetValue(l.Head.Id, out var stray) ? stray : null)).ToList();
        var broken = outcomes.Select(o => o.FirstBroken).FirstOrDefault(b => b is not null)
            ?? (_headless is { } row ? new ChainBreak(row.Seq, row.Id, "stray") : null)
            ?? LaneGone();
        var heads = outcomes.SelectMany(o => o.Heads).ToList();
        return new ChainVerification(broken is null, heads.Sum(h => h.Verified), broken, heads);
    }

    // An exported checkpoint of a lane that has no head any more.
    private ChainBreak? LaneGone()
    {
        var gone = _anchors?.Keys.Where(seq => !_lanes.ContainsKey(ChainLanes.Of(seq))).Order().ToList();
        return gone is { Count: > 0 } ? new ChainBreak(gone[0], null, "checkpoint") : null;
    }

    public void Dispose()
    {
        foreach (var (_, walk) in _lanes.Values)
        {
            walk.Dispose();
        }
    }
}
