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
/// drawn from the labelled set's questions, each numbered), starts the app on them with an empty index folder
/// so the index is rebuilt in the background (timed), then times ListTasks with words for the e-desk.
/// </summary>
internal static class InboxTextSearch
{
    private const int Rounds = 25;

    public static async Task MeasureAsync(DatabaseTarget database, string folder, int count)
    {
        var subjects = LabelledQuestions.Load().Entries.Select(e => e.Question.Replace("'", "''", StringComparison.Ordinal)).ToArray();
        await using (var creator = await BenchmarkApp.StartAsync(database, Folder(folder, "first")))
        {
            var fill = Stopwatch.StartNew();
            await using var db = await creator.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
            foreach (var statement in BulkCases.Sql(database.Store == Store.Postgres, count, subjects, subjects, ["billing"]))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            Console.WriteLine($"\n{database.Provider}: filled {count:N0} cases + instances + tasks in {fill.Elapsed.TotalSeconds:0} s");
        }

        var build = Stopwatch.StartNew();
        await using var app = await BenchmarkApp.StartAsync(database, Folder(folder, "rebuilt"));
        var index = app.Service<CaseIndex>();
        while (!index.IsReady)
        {
            await Task.Delay(500);
        }

        Console.WriteLine($"the case index of {count:N0} cases was rebuilt in the background in {build.Elapsed.TotalSeconds:0} s (the app answered from the start)");
        var query = app.Service<ListTasks.Handler>();
        var edesk = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);
        Console.WriteLine("| Inbox text search, e-desk, first page | Tasks matching | p50 ms | p95 ms | of which the index p50 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var words in new[] { "کنتور خراب", "قبض المثني", "ترانس دود", "انشعاب موقت ساختمون", "شماره 77777" })
        {
            await TimeAsync(words, query, edesk, index);
        }
    }

    private static Dictionary<string, string> Folder(string folder, string name) =>
        new(StringComparer.Ordinal) { ["Search:CaseIndexPath"] = Path.Combine(folder, name), ["Search:BatchSize"] = "5000" };

    private static async Task TimeAsync(string words, ListTasks.Handler query, StaffMember member, CaseIndex index)
    {
        var times = new List<double>();
        var lookups = new List<double>();
        var total = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var lookup = Stopwatch.StartNew();
            index.Find(words, CaseAccessKeys.Of(member), ListTasks.SearchLimit);
            lookups.Add(lookup.Elapsed.TotalMilliseconds);
            var clock = Stopwatch.StartNew();
            var page = await query.HandleAsync(new InboxRequest(InboxScope.Available) { Search = words }, member, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            total = page.Total;
        }

        times.Sort();
        lookups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {words} | {total:N0}{(total >= ListTasks.CountCap ? "+" : string.Empty)} | {SimilarityBenchmark.Percentile(times, 0.5):0.0} | {SimilarityBenchmark.Percentile(times, 0.95):0.0} | {SimilarityBenchmark.Percentile(lookups, 0.5):0.0} |"));
    }
}
