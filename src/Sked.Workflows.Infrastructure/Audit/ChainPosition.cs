using System.Globalization;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// How far a reader that follows the audit log (the case index) has read: per lane (<see cref="ChainLanes"/>), the
/// last Seq it has read. A lane's events commit in Seq order, so whatever a reader finds past its place on a lane
/// follows on without a gap. Written as <c>1:52;2:1000000000007</c>; a plain number is lane 1's place, as a reader
/// kept it before lanes.
/// </summary>
public sealed class ChainPosition
{
    private readonly SortedDictionary<int, long> _seqs;

    private ChainPosition(SortedDictionary<int, long> seqs) => _seqs = seqs;

    /// <summary>Nothing read yet.</summary>
    public static ChainPosition Start { get; } = new([]);

    /// <summary>The last Seq read on a lane; the lane's start when none was.</summary>
    public long this[int lane] => _seqs.TryGetValue(lane, out var seq) ? seq : ChainLanes.Start(lane);

    /// <summary>Where the heads are: everything they hold has been read.</summary>
    public static ChainPosition Of(IEnumerable<AuditChainHead> heads) => new(new SortedDictionary<int, long>(heads.ToDictionary(h => h.Id, h => h.Seq)));

    /// <summary>This place with a lane moved on to <paramref name="seq"/>.</summary>
    public ChainPosition With(int lane, long seq) => new(new SortedDictionary<int, long>(_seqs) { [lane] = seq });

    /// <summary>
    /// Whether the heads hold everything read up to here: false when a lane was read past its head, or has no head,
    /// as when the place was kept for another database.
    /// </summary>
    public bool IsWithin(IReadOnlyCollection<AuditChainHead> heads) =>
        _seqs.All(place => heads.FirstOrDefault(h => h.Id == place.Key) is { } head && place.Value <= head.Seq);

    /// <summary>Whether everything the heads hold has been read.</summary>
    public bool HasRead(IEnumerable<AuditChainHead> heads) => heads.All(h => this[h.Id] >= h.Seq);

    public static ChainPosition Parse(string text)
    {
        var seqs = new SortedDictionary<int, long>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var lane = colon < 0 ? ChainLanes.First : int.Parse(part[..colon], CultureInfo.InvariantCulture);
            seqs[lane] = long.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture);
        }

        return new(seqs);
    }

    public override string ToString() =>
        string.Join(';', _seqs.Select(place => string.Create(CultureInfo.InvariantCulture, $"{place.Key}:{place.Value}")));
}
