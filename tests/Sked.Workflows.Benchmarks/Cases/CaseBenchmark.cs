using System.Globalization;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Cases;

/// <summary>
/// Throughput and latency of the complaint path on each store (docs/performance.md). Progress and
/// the app's own log go to stderr, so stdout holds only the Markdown report.
/// </summary>
internal static class CaseBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
            return 2;
        }

        var databases = new TestDatabases();
        await databases.InitializeAsync();
        var results = new List<ScenarioResult>();
        try
        {
            foreach (var store in options.Stores)
            {
                await Console.Error.WriteLineAsync($"{store}: {options.Cases} cases, concurrency {options.Concurrency}");
                var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Logging:Console:LogToStandardErrorThreshold"] = "Trace" };
                await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: settings);
                results.Add(await new Scenario(app, options.Cases, options.Concurrency).RunAsync());
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        Console.Write(Report.Markdown(results, options.Cases, options.Concurrency));
        return results.TrueForAll(r => r.Failures.Count == 0) ? 0 : 1;
    }
}

/// <summary>The command line: --store sqlite|postgres|both --cases N --concurrency C.</summary>
internal sealed record BenchmarkOptions(IReadOnlyList<Store> Stores, int Cases, int Concurrency)
{
    public const string Usage = "usage: cases [--store sqlite|postgres|both] [--cases N] [--concurrency C]   (defaults: both, 300, 8)";

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions([Store.Sqlite, Store.Postgres], 300, 8);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            options = (args[i], value) switch
            {
                (_, null) => null,
                ("--store", "sqlite") => options with { Stores = [Store.Sqlite] },
                ("--store", "postgres") => options with { Stores = [Store.Postgres] },
                ("--store", "both") => options with { Stores = [Store.Sqlite, Store.Postgres] },
                ("--cases", _) when int.TryParse(value, CultureInfo.InvariantCulture, out var cases) && cases > 0 => options with { Cases = cases },
                ("--concurrency", _) when int.TryParse(value, CultureInfo.InvariantCulture, out var workers) && workers > 0 => options with { Concurrency = workers },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
