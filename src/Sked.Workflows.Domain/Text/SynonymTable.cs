using System.Collections.Frozen;

namespace Sked.Workflows.Domain.Text;

/// <summary>
/// The domain synonym table the public-relations office edits at run time: groups of words folded to one
/// term, the first word of a group being the term (outage / blackout / power cut). A word is compared by its
/// <see cref="Key"/>, so a word of several parts stands for its joined spelling (typed with a ZWNJ or
/// none), as PersianTerms.txt has always written them; its parts typed apart are words of their own.
/// Immutable: an edit builds a new table, and <see cref="PersianTerms"/> analyses with whichever table it is given.
/// </summary>
public sealed class SynonymTable
{
    private static readonly Lazy<SynonymTable> ShippedTable = new(() => new SynonymTable(PersianTerms.ShippedSynonyms, 0));

    // A word's key → its group's term; what PersianTerms folds a word to.
    private readonly FrozenDictionary<string, string> _terms;

    // A term as an index analysed without synonyms holds it → its group's term (see Fold).
    private readonly FrozenDictionary<string, string> _folds;

    // A group's term → every term an index analysed without synonyms holds for its words.
    private readonly FrozenDictionary<string, string[]> _expansions;

    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups, int version)
    {
        Version = version;
        Groups = [.. groups.Select(g => (IReadOnlyList<string>)[.. g]).Where(g => g.Count > 0)];
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var term = Key(group[0]);
            foreach (var key in group.Select(Key).Where(k => k.Length > 0))
            {
                terms.TryAdd(key, term);
            }
        }

        // A word's unfolded term is its stem; the exact keys win over a stem that happens to equal another group's word.
        var folds = new Dictionary<string, string>(terms, StringComparer.Ordinal);
        foreach (var (key, term) in terms)
        {
            if (PersianTerms.Term(key, Empty) is { } stem)
            {
                folds.TryAdd(stem, term);
            }
        }

        _terms = terms.ToFrozenDictionary(StringComparer.Ordinal);
        _folds = folds.ToFrozenDictionary(StringComparer.Ordinal);
        _expansions = folds.GroupBy(f => f.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(f => f.Key).Prepend(g.Key).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>No synonyms: words keep their own (stemmed) terms. What the case index holds, so an edit needs no re-indexing.</summary>
    public static SynonymTable Empty { get; } = new([], 0);

    /// <summary>The groups shipped in PersianTerms.txt: what a new database's table starts with.</summary>
    public static SynonymTable Shipped => ShippedTable.Value;

    /// <summary>Moves with every edit; nodes compare it to know their table is stale.</summary>
    public int Version { get; }

    /// <summary>The groups as staff wrote them, the term first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>How a word is compared: normalised (<see cref="PersianText.MatchKey"/>) with its parts joined.</summary>
    public static string Key(string? word) => PersianText.MatchKey(word).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>The term a word's key is folded to, or null when no group holds it.</summary>
    public string? TermOf(string key) => _terms.GetValueOrDefault(key);

    /// <summary>
    /// The term of a term analysed with <see cref="Empty"/>: its group's term, or itself. A word folded only by
    /// its full spelling (its stem is in no group) is folded by the stem here, which may fold a rare other word
    /// with the same stem too; that costs a stray match, never a lost one.
    /// </summary>
    public string Fold(string unfolded) => _folds.GetValueOrDefault(unfolded, unfolded);

    /// <summary>Every term an index analysed with <see cref="Empty"/> holds for the words folded to <paramref name="term"/> (the term first).</summary>
    public IReadOnlyList<string> Expand(string term) => _expansions.TryGetValue(term, out var all) ? all : [term];
}
