using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Similarity;

/// <summary>
/// Issue 14's figures: recall@1 and recall@5 of <c>similar</c> on the labelled set's rewordings and the false
/// sameQuestion rate on its near misses; <c>similar</c>'s p50/p99 with <c>--entries</c> FAQ entries indexed (the
/// labelled ones among generated ones, so recall is measured there too); the inbox's text search through the
/// case index on <c>--cases</c> cases (<see cref="InboxTextSearch"/>).
/// </summary>
public static class SimilarityBenchmark
{
    private const int LatencyRounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = Option(args, "--entries", 100_000);
        var cases = Option(args, "--cases", 1_000_000);
        var store = args.Contains("postgres") ? Store.Postgres : Store.Sqlite;
        if (Array.IndexOf(args, "--split-only") is var split and >= 0)
        {
            // The index's share alone, on a kept folder's index (no database, no app): seconds instead of minutes.
            LuceneSplit.MeasureKept(Path.Combine(args[split + 1], "bulk"), store == Store.Sqlite);
            return 0;
        }

        Console.WriteLine($"Same-question recognition and case search ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {store})");
        var databases = new TestDatabases();
        await databases.InitializeAsync();
        try
        {
            if (entries > 0)
            {
                await SimilarAsync(await databases.CreateAsync(store), entries);
            }

            if (cases > 0)
            {
                // --keep <folder> (SQLite): the filled file and its index stay there, and a later run with the same folder times them again without refilling.
                var keep = Array.IndexOf(args, "--keep") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
                var target = keep is not null && store == Store.Sqlite
                    ? new DatabaseTarget(store, $"Data Source={Path.Combine(keep, "cases.db")}")
                    : await databases.CreateAsync(store);
                await InboxTextSearch.MeasureAsync(target, keep ?? databases.NewFolder(), cases, args.Contains("--background-rebuild"));
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        return 0;
    }

    private static async Task SimilarAsync(DatabaseTarget database, int entries)
    {
        await using var app = await BenchmarkApp.StartAsync(database);
        var factory = app.Service<IDbContextFactory<SkedDbContext>>();
        var index = app.Service<FaqIndex>();
        var set = LabelledQuestions.Load();
        var ids = await set.PublishAsync(factory, app.Service<TimeProvider>().GetUtcNow());
        Report($"labelled set alone ({set.Entries.Count} entries)", await set.MeasureAsync(index, ids));

        var fill = Stopwatch.StartNew();
        await GenerateAsync(factory, set, entries - set.Entries.Count, app.Service<TimeProvider>().GetUtcNow());
        var build = Stopwatch.StartNew();
        await index.SimilarAsync("قبض", 1, 0.6, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {entries - set.Entries.Count:N0} more entries in {fill.Elapsed.TotalSeconds - build.Elapsed.TotalSeconds:0} s; the index of {entries:N0} was built in {build.Elapsed.TotalMilliseconds:0} ms"));
        Report($"labelled set among {entries:N0} entries", await set.MeasureAsync(index, ids));

        var questions = set.Entries.SelectMany(e => e.Rewordings).Concat(set.NearMisses).ToList();
        var times = new List<double>();
        for (var round = 0; round < LatencyRounds; round++)
        {
            foreach (var question in questions)
            {
                var clock = Stopwatch.StartNew();
                await index.SimilarAsync(question, 5, 0.6, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"similar with {entries:N0} entries: {times.Count} calls, p50 {Percentile(times, 0.5):0.00} ms, p99 {Percentile(times, 0.99):0.00} ms, max {times[^1]:0.00} ms"));
    }

    /// <summary>Entries of two to six words drawn from the labelled questions' own words (so they compete for the same terms), seeded.</summary>
    private static async Task GenerateAsync(IDbContextFactory<SkedDbContext> factory, LabelledQuestions set, int count, DateTimeOffset now)
    {
        var words = set.Entries.SelectMany(e => (e.Question + " " + e.Answer).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('؟', '.', '،', '؛', '«', '»')).Where(w => w.Length > 1).Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(14);
        for (var done = 0; done < count; done += 5000)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var i in Enumerable.Range(done, Math.Min(5000, count - done)))
            {
                var question = string.Join(' ', Enumerable.Range(0, random.Next(2, 7)).Select(_ => words[random.Next(words.Length)])) + " " + i.ToString(CultureInfo.InvariantCulture);
                db.Faq.Add(new FaqEntry { QuestionKey = PersianText.MatchKey(question), Question = question, Answer = "پاسخ", Repeats = 3, UpdatedAt = now, PublishedAt = now });
            }

            await db.SaveChangesAsync();
        }
    }

    private static void Report(string what, LabelledQuestions.Figures figures)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {figures.Rewordings} rewordings, recall@1 {figures.RecallAt1:0.000}, recall@5 {figures.RecallAt5:0.000}; {figures.NearMisses} near misses, false sameQuestion {figures.FalseSameQuestion:0.000}"));
        foreach (var miss in figures.Misses)
        {
            Console.WriteLine("  miss: " + miss);
        }
    }

    internal static double Percentile(List<double> sorted, double share) => sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * share) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
