using System.Globalization;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// The command line of the ratio benchmarks: --store sqlite|postgres|both, --seconds S (each measured
/// stretch), --clients 8,32, --repetitions R, --count N (timers, cases), --timeout S (waits for drains and firings),
/// --warmup S (unmeasured load before measuring; longer, up to 120 s, while the runtime is still compiling).
/// </summary>
internal sealed record RatioOptions(IReadOnlyList<Store> Stores, int Seconds, IReadOnlyList<int> Clients, int Repetitions, int Count, int Timeout, int WarmupSeconds = 5)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    public TimeSpan WarmupLimit => TimeSpan.FromSeconds(Math.Max(WarmupSeconds, 120));

    public static RatioOptions? Parse(string[] args, RatioOptions defaults)
    {
        var options = defaults;
        for (var i = 0; i < args.Length && options is not null; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            options = (args[i], value) switch
            {
                (_, null) => null,
                ("--store", "sqlite") => options with { Stores = [Store.Sqlite] },
                ("--store", "postgres") => options with { Stores = [Store.Postgres] },
                ("--store", "both") => options with { Stores = [Store.Sqlite, Store.Postgres] },
                ("--seconds", _) when Positive(value) is { } seconds => options with { Seconds = seconds },
                ("--clients", _) when value.Split(',').Select(Positive).ToList() is var clients && clients.TrueForAll(c => c is not null) => options with { Clients = [.. clients.Select(c => c!.Value)] },
                ("--repetitions", _) when Positive(value) is { } repetitions => options with { Repetitions = repetitions },
                ("--count", _) when Positive(value) is { } count => options with { Count = count },
                ("--timeout", _) when Positive(value) is { } timeout => options with { Timeout = timeout },
                ("--warmup", _) when Positive(value) is { } warmup => options with { WarmupSeconds = warmup },
                _ => null,
            };
        }

        return options;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"stores {string.Join(", ", Stores).ToLowerInvariant()}; {Seconds} s per stretch; clients {string.Join(", ", Clients)}; {Repetitions} repetitions; count {Count}; timeout {Timeout} s; warm-up {WarmupSeconds} s or until the runtime stops compiling (at most {WarmupLimit.TotalSeconds:0} s); {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Machine.LoadAverage():0.00} at start, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");

    private static int? Positive(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
