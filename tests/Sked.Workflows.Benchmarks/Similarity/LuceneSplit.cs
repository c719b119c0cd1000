using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Benchmarks.Similarity;

/// <summary>
/// Where the index's share of a text search goes, on a reader of its own over the same folder: the words' rewrite (the last
/// word's prefix expanded), the conjunction with the e-desk's list key read to the end (every match visited, not sorted), the
/// former lookup (every match sorted by the list's order, one page and a spare kept) and today's (<see cref="CaseListOrder"/>).
/// </summary>
internal static class LuceneSplit
{
    private const int Rounds = 25;

    public static void MeasureKept(string folder, bool nullsFirst)
    {
        // Searches fold words with the synonym table, which the index never reads from the database when it is not followed.
        using var index = new CaseIndex(folder, new CurrentSynonyms(null!));
        var state = index.Open();
        index.Commit(state.Position, state.Database ?? string.Empty, complete: true);
        Measure(index, folder, Searches, nullsFirst);
    }

    public static readonly string[] Searches = ["کنتور خراب", "قبض المثني", "ترانس دود", "انشعاب موقت ساختمون", "شماره 77777"];

    public static void Measure(CaseIndex index, string folder, IReadOnlyList<string> searches, bool nullsFirst)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var list = new TermQuery(new Term(CaseListKeys.Field, CaseListKeys.Open(Roles.EDesk, null)));
        var (due, task) = nullsFirst
            ? (CaseListKeys.FirstDueNullsFirst, CaseListKeys.FirstTaskNullsFirst)
            : (CaseListKeys.FirstDueNullsLast, CaseListKeys.FirstTaskNullsLast);
        var order = new Sort(new SortField(due, SortFieldType.INT64), new SortField(task, SortFieldType.STRING));
        Console.WriteLine($"| The index's share ({reader.Leaves.Count} segments), CPU ms per call | Cases matching | rewrite (prefix) | every match visited | every match sorted (before) | now: counted to 1,001 | now: the page's days sorted (cases) | now: both | now, the app's own reader |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        IReadOnlyList<string> lists = [CaseListKeys.Open(Roles.EDesk, null)];
        foreach (var words in searches)
        {
            var query = index.Words(words)!;
            var text = searcher.Rewrite(query);
            var both = new BooleanQuery { { text, Occur.MUST }, { list, Occur.MUST } };
            var counter = new TotalHitCountCollector();
            searcher.Search(both, counter);
            var counted = CaseListOrder.Count(searcher, text, lists, nullsFirst, ListTasks.CountCap + 1);
            var days = counted.Full ? CaseListOrder.DaysUpTo(lists, nullsFirst, CaseListKeys.DayOf(counted.Earliest(50))) : CaseListOrder.Lists(lists);
            var sorted = CaseListOrder.Sorted(searcher, text, days, nullsFirst, 50).TotalHits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {words} | {counter.TotalHits:N0} | {P50(() => searcher.Rewrite(query)):0.00} | {P50(() => searcher.Search(both, new TotalHitCountCollector())):0.00} | {P50(() => searcher.Search(both, null, 50, order)):0.00} | {P50(() => CaseListOrder.Count(searcher, text, lists, nullsFirst, ListTasks.CountCap + 1)):0.00} | {P50(() => CaseListOrder.Sorted(searcher, text, days, nullsFirst, 50)):0.00} ({sorted:N0}) | {P50(() => CaseListOrder.Search(searcher, query, lists, nullsFirst, 0, 50, ListTasks.CountCap + 1)):0.00} | {P50(() => index.InListOrder(words, lists, nullsFirst, 0, 50, ListTasks.CountCap + 1)):0.00} |"));
        }
    }

    // The CPU time this thread spent per call (mean of the rounds, after as many unmeasured): on two cores shared by other jobs, wall time mostly measures the queue for a core.
    private static double P50(Action action)
    {
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        var start = ThreadCpuNanoseconds();
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        return (ThreadCpuNanoseconds() - start) / 1e6 / Rounds;
    }

    // Linux's count of the nanoseconds the calling thread ran on a core (the first field of its schedstat).
    private static long ThreadCpuNanoseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
}
