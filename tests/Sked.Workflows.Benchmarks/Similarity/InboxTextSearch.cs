using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
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
    private const int WarmUpRounds = 40;

    public static async Task MeasureAsync(DatabaseTarget database, string folder, int count, bool backgroundRebuild)
    {
        await FillAsync(database, folder, count);
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
        Console.WriteLine("| Inbox text search, e-desk, first page | Tasks matching | p50 ms | p95 ms | the index's candidates alone, p50 ms | the process's CPU ms per search (mean) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        // A serving app has run its search code often enough to have it compiled at the JIT's second tier. The JIT compiles it in the
        // background once no new method has come for a moment, so it is given pauses: timed at once, the first search paid for the compiling.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var round = 0; round < WarmUpRounds; round++)
            {
                foreach (var words in LuceneSplit.Searches)
                {
                    index.InListOrder(words, [CaseListKeys.Open(Roles.EDesk, null)], database.Store == Store.Sqlite, 0, 50, ListTasks.CountCap + 1);
                    await query.HandleAsync(new InboxRequest(InboxScope.Available) { Search = words }, edesk, CancellationToken.None);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        var load = await File.ReadAllTextAsync("/proc/loadavg");
        foreach (var words in LuceneSplit.Searches)
        {
            await TimeAsync(words, query, edesk, index, database.Store == Store.Sqlite);
        }

        Console.WriteLine($"load average before the table: {load.Trim()}; after: {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");

        LuceneSplit.Measure(index, Path.Combine(folder, "bulk"), LuceneSplit.Searches, database.Store == Store.Sqlite);
    }

    // Fills the cases, instances and tasks in SQL and builds their index in one pass into <folder>/bulk; what a kept folder holds is taken as it is.
    private static async Task FillAsync(DatabaseTarget database, string folder, int count)
    {
        var filled = Path.Combine(folder, "filled");
        // The filling app's own indexer finds its folder locked and stays idle: a rebuild beside the one-pass build would only take its cores.
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "first"));
        using var first = FSDirectory.Open(Path.Combine(folder, "first"));
        using var held = first.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        held.Obtain();
        await using var creator = await BenchmarkApp.StartAsync(database, Folder(folder, "first"));
        var factory = creator.Service<IDbContextFactory<SkedDbContext>>();
        if (File.Exists(filled))
        {
            Console.WriteLine($"\n{database.Provider}: the {await File.ReadAllTextAsync(filled)} cases kept in {folder}");
        }
        else
        {
            var fill = Stopwatch.StartNew();
            var subjects = LabelledQuestions.Load().Entries.Select(e => e.Question.Replace("'", "''", StringComparison.Ordinal)).ToArray();
            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
                foreach (var statement in BulkCases.Sql(database.Store == Store.Postgres, count, subjects, subjects, ["billing"]))
                {
                    await db.Database.ExecuteSqlRawAsync(statement);
                }
            }

            await File.WriteAllTextAsync(filled, count.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"\n{database.Provider}: filled {count:N0} cases + instances + tasks in {fill.Elapsed.TotalSeconds:0} s");
        }

        var bulk = Stopwatch.StartNew();
        var indexed = await BulkCaseIndex.BuildAsync(factory, creator.Service<DatabaseOptions>(), Path.Combine(folder, "bulk"));
        Console.WriteLine(indexed is null
            ? "the case index kept with them is complete and in today's format"
            : $"the case index of {indexed:N0} cases was built in one pass (CaseDocuments.Of on every core, one writer, one commit) in {bulk.Elapsed.TotalSeconds:0} s");
    }

    private static Dictionary<string, string> Folder(string folder, string name) =>
        new(StringComparer.Ordinal) { ["Search:CaseIndexPath"] = Path.Combine(folder, name), ["Search:BatchSize"] = "5000" };

    private static async Task TimeAsync(string words, ListTasks.Handler query, StaffMember member, CaseIndex index, bool nullsFirst)
    {
        var times = new List<double>();
        var lookups = new List<double>();
        InboxResult? page = null;
        // CPU time stays a measure on a busy machine, where wall time mostly measures the wait for a core.
        using var process = Process.GetCurrentProcess();
        var cpuSpent = TimeSpan.Zero;
        for (var i = 0; i < Rounds; i++)
        {
            var lookup = Stopwatch.StartNew();
            index.InListOrder(words, [CaseListKeys.Open(Roles.EDesk, null)], nullsFirst, 0, 50, ListTasks.CountCap + 1);
            lookups.Add(lookup.Elapsed.TotalMilliseconds);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            page = await query.HandleAsync(new InboxRequest(InboxScope.Available) { Search = words }, member, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpuSpent += process.TotalProcessorTime - cpu;
        }

        times.Sort();
        lookups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {words} | {page!.Total:N0}{(page.MoreThanTotal ? "+" : string.Empty)} | {SimilarityBenchmark.Percentile(times, 0.5):0.0} | {SimilarityBenchmark.Percentile(times, 0.95):0.0} | {SimilarityBenchmark.Percentile(lookups, 0.5):0.0} | {cpuSpent.TotalMilliseconds / Rounds:0.0} |"));
    }
}
