using System.Diagnostics;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>One firing run: how long the app took to start and to fire every timer, and how late each was.</summary>
internal sealed record TimerRun(int Timers, TimeSpan Start, TimeSpan? AllFired, int Fired, IReadOnlyList<double> LatenessMs, CommitCount Commits, double LoadAverage)
{
    public double PerSecond => AllFired is { } all ? Timers / Math.Max(all.TotalSeconds, 0.001) : double.NaN;
    public double Lateness(double percent) => LatenessMs.Count == 0 ? double.NaN : LatenessMs.Order().ElementAt(Math.Clamp((int)Math.Ceiling(percent / 100 * LatenessMs.Count), 1, LatenessMs.Count) - 1);
}

/// <summary>
/// N engine timers due at once. With the app stopped, N copies of a real case's rows (case, instance,
/// first task and its pending escalation timer — <see cref="CaseTemplate"/>) go straight into the
/// database, their timers all due a few seconds ahead; then the app starts and the benchmark watches
/// the timer rows only (workflow_timers: Pending → Fired, FiredAt), whatever fires them (the
/// due-timer poller over that table). Each repetition first runs R_case on the same
/// store: a firing is one engine transaction of about a case's size.
/// </summary>
internal static class TimerBenchmark
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(3);
    private static readonly HashSet<string> Tables = ["cases", "workflow_instances", "human_tasks", "workflow_timers"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RatioOptions.Parse(args, new RatioOptions([Store.Sqlite, Store.Postgres], 10, [8], 3, 10_000, 600));
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: timers [--store sqlite|postgres|both] [--count 10000] [--seconds 10 (R_case)] [--clients 8 (R_case)] [--repetitions 3] [--timeout 600]");
            return 2;
        }

        CommitCounter.WatchEntityFramework();
        var databases = new TestDatabases { Durable = true };
        await databases.InitializeAsync();
        try
        {
            Console.WriteLine($"Timers due at once against R_case — {options.Describe()}");
            foreach (var store in options.Stores)
            {
                var references = new List<ReferenceResult>();
                var runs = new List<TimerRun>();
                var warmRuns = new List<TimerRun>();
                for (var repetition = 1; repetition <= options.Repetitions; repetition++)
                {
                    var target = await databases.CreateAsync(store);
                    var template = await FirstCaseAsync(target);
                    await Console.Error.WriteLineAsync($"{store}, repetition {repetition}: R_case, then {options.Count} timers");
                    var reference = await CaseWriteReference.CreateDatabaseAsync(databases, store, template);
                    references.Add(await CaseWriteReference.RunAsync(reference, template, options.Clients[0], options.Duration));
                    runs.Add(await FireAsync(target, template, repetition, options));
                    warmRuns.Add(await FireWarmAsync(target, template, repetition, options));
                }

                Console.Write(Table(store, options, references, runs));
                Console.Write(WarmTable(store, options, references, warmRuns));
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        return 0;
    }

    /// <summary>Starts the app once on the fresh database (schema, definitions, staff) and submits the case to copy.</summary>
    private static async Task<CaseTemplate> FirstCaseAsync(DatabaseTarget target)
    {
        await using var app = await BenchmarkApp.StartAsync(target);
        using var citizen = LoadClients.Client(app.BaseAddress);
        var template = await CaseTemplate.ReadAsync(target, await BenchmarkApp.SubmitAsync(citizen, 0));
        await app.OutboxDrainedAsync();
        return template;
    }

    private static async Task<TimerRun> FireAsync(DatabaseTarget target, CaseTemplate template, int repetition, RatioOptions options)
    {
        // The copies' timers are told apart from any the engine makes by a creation time nobody else writes.
        var marker = Sql.Time(target.Store, new DateTimeOffset(2001, 1, repetition, 0, 0, 0, TimeSpan.Zero));
        await InsertAsync(target, template, options.Count, marker);
        var due = TimeProvider.System.GetUtcNow() + Lead;
        await MakeDueAsync(target, marker, due);
        var before = await CommitCounter.ReadAsync(target);
        var starting = Stopwatch.GetTimestamp();
        await using var app = await BenchmarkApp.StartAsync(target);
        var started = Stopwatch.GetElapsedTime(starting);
        var allFired = await AllFiredAsync(target, marker, due, TimeSpan.FromSeconds(options.Timeout) - started);
        var lateness = await LatenessAsync(target, marker);
        var commits = await CommitCounter.ReadAsync(target) - before;
        return new TimerRun(options.Count, started, allFired, lateness.Count, lateness, commits, Machine.LoadAverage());
    }

    /// <summary>
    /// The same N timers falling due on an app that has run for a while: it starts with them due in 30
    /// days, fires a fifth as many first (unmeasured) and waits until the runtime has stopped compiling,
    /// then the N are made due a few seconds ahead. Apart from the cold start above, this is what firing costs.
    /// </summary>
    private static async Task<TimerRun> FireWarmAsync(DatabaseTarget target, CaseTemplate template, int repetition, RatioOptions options)
    {
        var marker = Sql.Time(target.Store, new DateTimeOffset(2002, 1, repetition, 0, 0, 0, TimeSpan.Zero));
        var warming = Sql.Time(target.Store, new DateTimeOffset(2003, 1, repetition, 0, 0, 0, TimeSpan.Zero));
        await InsertAsync(target, template, options.Count, marker);
        await InsertAsync(target, template, Math.Max(options.Count / 5, 1), warming);
        await using var app = await BenchmarkApp.StartAsync(target);
        var warmingDue = TimeProvider.System.GetUtcNow();
        await MakeDueAsync(target, warming, warmingDue);
        await AllFiredAsync(target, warming, warmingDue, TimeSpan.FromSeconds(options.Timeout));
        await Warmup.QuietAsync($"{target.Store}, repetition {repetition}, warm timers", options.WarmupLimit);
        var before = await CommitCounter.ReadAsync(target);
        var due = TimeProvider.System.GetUtcNow() + Lead;
        await MakeDueAsync(target, marker, due);
        var allFired = await AllFiredAsync(target, marker, due, TimeSpan.FromSeconds(options.Timeout));
        var lateness = await LatenessAsync(target, marker);
        var commits = await CommitCounter.ReadAsync(target) - before;
        return new TimerRun(options.Count, TimeSpan.Zero, allFired, lateness.Count, lateness, commits, Machine.LoadAverage());
    }

    private static Task MakeDueAsync(DatabaseTarget target, object marker, DateTimeOffset due) =>
        Sql.ExecuteAsync(target, "UPDATE workflow_timers SET \"DueAt\" = @p0 WHERE \"CreatedAt\" = @p1", Sql.Time(target.Store, due), marker);

    /// <summary>How long after <paramref name="due"/> the last of the marked timers fired; null when they were not all fired within <paramref name="timeout"/>.</summary>
    private static async Task<TimeSpan?> AllFiredAsync(DatabaseTarget target, object marker, DateTimeOffset due, TimeSpan timeout)
    {
        var waiting = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(waiting) < timeout)
        {
            if (await Sql.ScalarAsync(target, "SELECT COUNT(*) FROM workflow_timers WHERE \"CreatedAt\" = @p0 AND \"Status\" = 'Pending'", marker) == 0)
            {
                return TimeProvider.System.GetUtcNow() - due;
            }

            await Task.Delay(200);
        }

        return null;
    }

    /// <summary>The copies go in a thousand per transaction, their timers due in 30 days until all are in.</summary>
    private static async Task InsertAsync(DatabaseTarget target, CaseTemplate template, int count, object marker)
    {
        var overrides = new Dictionary<(string, string), object>
        {
            [("workflow_timers", "CreatedAt")] = marker,
            [("workflow_timers", "DueAt")] = Sql.Time(target.Store, TimeProvider.System.GetUtcNow().AddDays(30)),
        };
        await using var connection = await Sql.OpenAsync(target);
        for (var written = 0; written < count;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            for (var end = Math.Min(count, written + 1000); written < end; written++)
            {
                await template.WriteCopyAsync(connection, transaction, Tables, overrides);
            }

            await transaction.CommitAsync();
        }
    }

    private static async Task<List<double>> LatenessAsync(DatabaseTarget target, object marker)
    {
        await using var connection = await Sql.OpenAsync(target);
        await using var command = Sql.Command(connection, "SELECT \"DueAt\", \"FiredAt\" FROM workflow_timers WHERE \"CreatedAt\" = @p0 AND \"FiredAt\" IS NOT NULL", marker);
        await using var reader = await command.ExecuteReaderAsync();
        var lateness = new List<double>();
        while (await reader.ReadAsync())
        {
            lateness.Add((Sql.ReadTime(reader.GetValue(1)) - Sql.ReadTime(reader.GetValue(0))).TotalMilliseconds);
        }

        return lateness;
    }

    private static RatioTable Table(Store store, RatioOptions options, List<ReferenceResult> references, List<TimerRun> runs)
    {
        var table = new RatioTable($"{store.ToString().ToLowerInvariant()}: {options.Count:N0} timers made due {Lead.TotalSeconds:0} s ahead, then the app started; R_case {options.Clients[0]} clients × {options.Seconds} s; {options.Repetitions} repetitions")
            .Compare("timers fired / s (due → last fired)", [.. runs.Select(r => r.PerSecond)], "R_case / s", [.. references.Select(r => r.PerSecond)])
            .Add($"all fired, s after due (NaN: not within {options.Timeout} s of the start)", runs.Select(r => r.AllFired?.TotalSeconds ?? double.NaN))
            .Add("timers fired", runs.Select(r => (double)r.Fired), "0")
            .Add("app start until it serves (StartAsync), s", runs.Select(r => r.Start.TotalSeconds), "0.00")
            .Add("lateness ms p50 (FiredAt − DueAt)", runs.Select(r => r.Lateness(50)), "0")
            .Add("lateness ms p99", runs.Select(r => r.Lateness(99)), "0")
            .Add("lateness ms max", runs.Select(r => r.Lateness(100)), "0")
            .Compare(store == Store.Postgres ? "xact_commit per timer (app start included)" : "commits per timer (app start included)",
                [.. runs.Select(r => (double)r.Commits.Commits / r.Timers)], "R_case per case", [.. references.Select(r => r.CommitsPerCase)], "0.00");
        if (store == Store.Postgres)
        {
            table.Compare("WAL syncs per timer", [.. runs.Select(r => (double)(r.Commits.WalSyncs ?? 0) / r.Timers)], "R_case per case", [.. references.Select(r => r.WalSyncsPerCase)], "0.00");
        }

        return table
            .Add("process RSS at the end (MiB)", [Machine.ResidentMiB()], "0")
            .Add("load average (1 min) after firing", runs.Select(r => r.LoadAverage), "0.00");
    }

    private static RatioTable WarmTable(Store store, RatioOptions options, List<ReferenceResult> references, List<TimerRun> runs) =>
        new RatioTable($"{store.ToString().ToLowerInvariant()}: the same {options.Count:N0} timers made due {Lead.TotalSeconds:0} s ahead on the running app, after it fired {Math.Max(options.Count / 5, 1):N0} others and stopped compiling; {options.Repetitions} repetitions")
            .Compare("timers fired / s (due → last fired)", [.. runs.Select(r => r.PerSecond)], "R_case / s", [.. references.Select(r => r.PerSecond)])
            .Add($"all fired, s after due (NaN: not within {options.Timeout} s)", runs.Select(r => r.AllFired?.TotalSeconds ?? double.NaN))
            .Add("lateness ms p50 (FiredAt − DueAt)", runs.Select(r => r.Lateness(50)), "0")
            .Add("lateness ms p99", runs.Select(r => r.Lateness(99)), "0")
            .Compare(store == Store.Postgres ? "xact_commit per timer" : "commits per timer",
                [.. runs.Select(r => (double)r.Commits.Commits / r.Timers)], "R_case per case", [.. references.Select(r => r.CommitsPerCase)], "0.00")
            .Add("process RSS at the end (MiB)", [Machine.ResidentMiB()], "0")
            .Add("load average (1 min) after firing", runs.Select(r => r.LoadAverage), "0.00");
}
