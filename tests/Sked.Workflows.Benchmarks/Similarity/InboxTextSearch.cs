using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Benchmarks.Inbox;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Benchmarks.Similarity;

/// <summary>
/// The inbox's text search on many cases: fills cases, instances and one task each in SQL (subjects and bodies
/// drawn from the labelled set's questions, each numbered), has their index built in one pass (<see cref="BulkCaseIndex"/>;
/// with --background-rebuild the app's own rebuild is timed too), then times ListTasks with words for the e-desk,
/// giving apart the index's share (its candidates in the e-desk list's order, <see cref="CaseIndex.InListOrder"/>).
/// </summary>
internal static class InboxTextSearch
{
    private const int Rounds = 25;

    public static async Task MeasureAsync(DatabaseTarget database, string folder, int count, bool backgroundRebuild)
    {
        var subjects = LabelledQuestions.Load().Entries.Select(e => e.Question.Replace("'", "''", StringComparison.Ordinal)).ToArray();
        await using (var creator = await BenchmarkApp.StartAsync(database, Folder(folder, "first")))
        {
            var fill = Stopwatch.StartNew();
            var factory = creator.Service<IDbContextFactory<SkedDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
                foreach (var statement in BulkCases.Sql(database.Store == Store.Postgres, count, subjects, subjects, ["billing"]))
                {
                    await db.Database.ExecuteSqlRawAsync(statement);
                }
            }

            Console.WriteLine($"\n{database.Provider}: filled {count:N0} cases + instances + tasks in {fill.Elapsed.TotalSeconds:0} s");
            var bulk = Stopwatch.StartNew();
            var indexed = await BulkCaseIndex.BuildAsync(factory, creator.Service<DatabaseOptions>(), Path.Combine(folder, "bulk"));
            Console.WriteLine($"the case index of {indexed:N0} cases was built in one pass (CaseDocuments.Of on every core, one writer, one commit) in {bulk.Elapsed.TotalSeconds:0} s");
        }

        if (backgroundRebuild)
        {
            var build = Stopwatch.StartNew();
            await using var rebuilding = await BenchmarkApp.StartAsync(database, Folder(folder, "rebuilt"));
            while (!rebuilding.Service<CaseIndex>().IsReady)
            {
                await Task.Delay(500);
            }

            Console.WriteLine($"the app's own background rebuild of {count:N0} cases took {build.Elapsed.TotalSeconds:0} s (the app answered from the start)");
        }

        await using var app = await BenchmarkApp.StartAsync(database, Folder(folder, "bulk"));
        var index = app.Service<CaseIndex>();
        while (!index.IsReady)
        {
            await Task.Delay(100);
        }

        var query = app.Service<ListTasks.Handler>();
        var edesk = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);
        Console.WriteLine("| Inbox text search, e-desk, first page | Tasks matching | p50 ms | p95 ms | the index's candidates alone, p50 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var words in new[] { "کنتور خراب", "قبض المثني", "ترانس دود", "انشعاب موقت ساختمون", "شماره 77777" })
        {
            await TimeAsync(words, query, edesk, index, database.Store == Store.Sqlite);
        }
    }

    private static Dictionary<string, string> Folder(string folder, string name) =>
        new(StringComparer.Ordinal) { ["Search:CaseIndexPath"] = Path.Combine(folder, name), ["Search:BatchSize"] = "5000" };

    private static async Task TimeAsync(string words, ListTasks.Handler query, StaffMember member, CaseIndex index, bool nullsFirst)
    {
        var times = new List<double>();
        var lookups = new List<double>();
        InboxResult? page = null;
        for (var i = 0; i < Rounds; i++)
        {
            var lookup = Stopwatch.StartNew();
            index.InListOrder(words, [CaseListKeys.Open(Roles.EDesk, null)], nullsFirst, 0, 50);
            lookups.Add(lookup.Elapsed.TotalMilliseconds);
            var clock = Stopwatch.StartNew();
            page = await query.HandleAsync(new InboxRequest(InboxScope.Available) { Search = words }, member, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        lookups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {words} | {page!.Total:N0}{(page.MoreThanTotal ? "+" : string.Empty)} | {SimilarityBenchmark.Percentile(times, 0.5):0.0} | {SimilarityBenchmark.Percentile(times, 0.95):0.0} | {SimilarityBenchmark.Percentile(lookups, 0.5):0.0} |"));
    }
}
