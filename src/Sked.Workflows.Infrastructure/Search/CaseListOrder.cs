using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The first matching cases of task lists in their due-date order, without reading every match: common words match
/// tens of thousands of a list's cases on a million, and sorting them all to keep a page cost 40–240 ms. The matches
/// are counted only up to a limit, and the dates of those counted say by which day the page is full: a sample of the
/// matches holds the page's n-th earliest date or a later one, so the page lies among the cases that come first by
/// that day (<see cref="CaseListKeys.DayNullsFirst"/>), and only those are sorted. The index's segments are not in
/// date order (that would take Lucene.Net.Misc's sorting merge policy, which is not served here), hence the two reads.
/// </summary>
internal static class CaseListOrder
{
    /// <summary>
    /// A term range or prefix of up to this many terms is a disjunction the search walks as far as the other clauses lead,
    /// as a page's search stops early; beyond, a bit set of every document of its terms, as Lucene does by default.
    /// </summary>
    public static readonly ConstantScoreAutoRewrite FewTermsAsClauses = new() { TermCountCutoff = 64, DocCountPercent = 100 };

    /// <summary>The matching cases of <paramref name="lists"/> from <paramref name="skip"/> (at most <paramref name="take"/>) and their count up to <paramref name="countUpTo"/> (or more).</summary>
    public static (ScoreDoc[] Hits, int Total) Search(IndexSearcher searcher, Query words, IReadOnlyList<string> lists, bool nullsFirst, int skip, int take, int countUpTo)
    {
        var text = searcher.Rewrite(words);
        var need = Math.Max(skip + take, 1);
        var counted = Count(searcher, text, lists, nullsFirst, Math.Max(countUpTo, need + 1));
        var found = Sorted(searcher, text, counted.Full ? DaysUpTo(lists, nullsFirst, CaseListKeys.DayOf(counted.Earliest(need))) : Lists(lists), nullsFirst, need);
        return ([.. found.ScoreDocs.Skip(skip)], counted.Count);
    }

    /// <summary>The matches counted up to <paramref name="limit"/>, with their first due dates.</summary>
    internal static Dues Count(IndexSearcher searcher, Query text, IReadOnlyList<string> lists, bool nullsFirst, int limit)
    {
        var dues = new Dues(nullsFirst ? CaseListKeys.FirstDueNullsFirst : CaseListKeys.FirstDueNullsLast, limit);
        searcher.Search(Both(text, Lists(lists)), dues);
        return dues;
    }

    /// <summary>The first <paramref name="need"/> matches among <paramref name="inLists"/> in the lists' order.</summary>
    internal static TopDocs Sorted(IndexSearcher searcher, Query text, Query inLists, bool nullsFirst, int need)
    {
        var (due, task) = nullsFirst
            ? (CaseListKeys.FirstDueNullsFirst, CaseListKeys.FirstTaskNullsFirst)
            : (CaseListKeys.FirstDueNullsLast, CaseListKeys.FirstTaskNullsLast);
        var order = new Sort(new SortField(due, SortFieldType.INT64), new SortField(task, SortFieldType.STRING));
        return searcher.Search(Both(text, inLists), null, need, order);
    }

    internal static BooleanQuery Lists(IReadOnlyList<string> lists) => CaseIndex.AnyOf(CaseListKeys.Field, lists);

    // The words' clauses and the lists' side by side, so the one with the fewest documents leads the others (a nested conjunction would lead inside itself).
    private static BooleanQuery Both(Query text, Query lists)
    {
        var both = new BooleanQuery { { lists, Occur.MUST } };
        var words = text is BooleanQuery { Clauses: { Count: > 0 } clauses } && clauses.All(c => c.Occur == Occur.MUST) ? clauses.Select(c => c.Query) : [text];
        foreach (var word in words)
        {
            both.Add(word, Occur.MUST);
        }

        return both;
    }

    // The cases of the lists that come first on or before the day.
    internal static BooleanQuery DaysUpTo(IReadOnlyList<string> lists, bool nullsFirst, string day)
    {
        var field = nullsFirst ? CaseListKeys.DayNullsFirst : CaseListKeys.DayNullsLast;
        var any = new BooleanQuery();
        foreach (var key in lists.Distinct(StringComparer.Ordinal))
        {
            var (from, to) = CaseListKeys.DaysUpTo(key, day);
            any.Add(new TermRangeQuery(field, new(from), new(to), true, true) { MultiTermRewriteMethod = FewTermsAsClauses }, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>Counts the matches up to a limit and keeps the first due date of each; stops reading at the limit.</summary>
    internal sealed class Dues(string field, int limit) : ICollector
    {
        private readonly List<long> _dues = [];
        private NumericDocValues? _values;

        public int Count => _dues.Count;

        public bool Full => _dues.Count >= limit;

        public bool AcceptsDocsOutOfOrder => true;

        /// <summary>The <paramref name="n"/>-th earliest date counted.</summary>
        public long Earliest(int n)
        {
            _dues.Sort();
            return _dues[n - 1];
        }

        public void SetScorer(Scorer scorer)
        {
            // The order is the dates', not the words' scores.
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Full)
            {
                throw new CollectionTerminatedException();
            }

            _values = context.AtomicReader.GetNumericDocValues(field);
        }

        public void Collect(int doc)
        {
            // A case in a list always has its dates; a segment without any has no case in a list either.
            _dues.Add(_values?.Get(doc) ?? 0);
            if (Full)
            {
                throw new CollectionTerminatedException();
            }
        }
    }
}
