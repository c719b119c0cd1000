using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>One intake stretch: the load, the outbox it left, the commits it cost.</summary>
internal sealed record IntakeRun(LoadResult Load, int MaxBacklog, int BacklogAtStop, TimeSpan? Drain, CommitCount Commits, double MaxResidentMiB, double MaxHeapMiB, double LoadAverage)
{
    public double CommitsPerCase => (double)Commits.Commits / Load.Succeeded;
    public double WalSyncsPerCase => Commits.WalSyncs is { } syncs ? (double)syncs / Load.Succeeded : double.NaN;
}

/// <summary>
/// Intake against R_case: clients submit complaints through POST /api/v1/cases for a stretch (closed
/// loop), then the outbox is left to drain; each repetition first runs the reference loop with the
/// same number of clients, so both figures see the same machine. The outbox backlog and this process's
/// RSS are sampled every second; commits are counted from the first submit until the outbox drained.
/// After the app's stretch, the same clients post the same complaints to the floor: R_case's write behind
/// a bare HTTP endpoint (<see cref="BareServer"/>), which tells what HTTP and the load clients leave of
/// R_case on this machine, and so how much of the gap is the app's own work.
/// </summary>
internal static class IntakeBenchmark
{
    private const string AppSubmitPath = "/api/v1/cases";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RatioOptions.Parse(args, new RatioOptions([Store.Sqlite, Store.Postgres], 60, [8, 32], 3, 0, 120));
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: intake [--store sqlite|postgres|both] [--seconds 60] [--clients 8,32] [--repetitions 3] [--timeout 120] [--warmup 5]");
            return 2;
        }

        CommitCounter.WatchEntityFramework();
        var databases = new TestDatabases { Durable = true };
        await databases.InitializeAsync();
        try
        {
            Console.WriteLine($"Intake against R_case — {options.Describe()}");
            foreach (var store in options.Stores)
            {
                await MeasureStoreAsync(databases, store, options);
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        return 0;
    }

    private static async Task MeasureStoreAsync(TestDatabases databases, Store store, RatioOptions options)
    {
        var target = await databases.CreateAsync(store);
        await using var app = await BenchmarkApp.StartAsync(target);
        using var citizen = LoadClients.Client(app.BaseAddress);
        var template = await CaseTemplate.ReadAsync(target, await BenchmarkApp.SubmitAsync(citizen, 0));
        var reference = await CaseWriteReference.CreateDatabaseAsync(databases, store, template);
        await using var bare = await BareServer.StartAsync(target, reference, template);
        using var bareClient = LoadClients.Client(bare.BaseAddress);
        await app.OutboxDrainedAsync();
        Console.WriteLine($"\n{store}: R_case writes {template.Describe()} per transaction; {await DurabilityAsync(target)}");
        foreach (var clients in options.Clients)
        {
            var references = new List<ReferenceResult>();
            var floors = new List<LoadResult>();
            var runs = new List<IntakeRun>();
            await Warmup.RunAsync($"{store}, {clients} clients", options.Warmup, options.WarmupLimit, async duration =>
            {
                await LoadClients.ClosedLoopAsync(clients, duration / 4, n => SubmitAsync(bareClient, BareServer.SubmitPath, -n));
                await LoadClients.ClosedLoopAsync(clients, duration, n => SubmitAsync(citizen, AppSubmitPath, -n));
            });
            await app.OutboxDrainedAsync(TimeSpan.FromSeconds(options.Timeout));
            for (var repetition = 1; repetition <= options.Repetitions; repetition++)
            {
                await Console.Error.WriteLineAsync($"{store}, {clients} clients, repetition {repetition}: R_case, intake, then the floor");
                references.Add(await CaseWriteReference.RunAsync(reference, template, clients, options.Duration));
                runs.Add(await RunAsync(app, citizen, clients, options));
                // After the app's stretch, whose memory is sampled: the floor's garbage would count against the app.
                floors.Add(await LoadClients.ClosedLoopAsync(clients, options.Duration, n => SubmitAsync(bareClient, BareServer.SubmitPath, n)));
            }

            Console.Write(Table(store, clients, options, references, floors, runs));
        }
    }

    /// <summary>The settings that make a commit durable, as the store reports them.</summary>
    private static async Task<string> DurabilityAsync(DatabaseTarget target)
    {
        await using var connection = await Sql.OpenAsync(target);
        var query = target.Store == Store.Postgres
            ? "SELECT 'fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')"
            : "SELECT 'journal_mode ' || (SELECT journal_mode FROM pragma_journal_mode) || ', synchronous ' || (SELECT synchronous FROM pragma_synchronous) || ' (2 = FULL)'";
        await using var command = Sql.Command(connection, query);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<IntakeRun> RunAsync(TestApp app, HttpClient citizen, int clients, RatioOptions options)
    {
        var before = await CommitCounter.ReadAsync(app.Database);
        using var sampling = new CancellationTokenSource();
        var backlog = new List<int>();
        var resident = new List<(double Process, double Heap)>();
        var sampler = SampleAsync(app, backlog, resident, sampling.Token);
        var load = await LoadClients.ClosedLoopAsync(clients, options.Duration, n => SubmitAsync(citizen, AppSubmitPath, n));
        var stopped = Stopwatch.GetTimestamp();
        var atStop = await PendingAsync(app);
        TimeSpan? drain = null;
        while (Stopwatch.GetElapsedTime(stopped) < TimeSpan.FromSeconds(options.Timeout))
        {
            if (await PendingAsync(app) == 0)
            {
                drain = Stopwatch.GetElapsedTime(stopped);
                break;
            }

            await Task.Delay(100);
        }

        await sampling.CancelAsync();
        await sampler;
        var commits = await CommitCounter.ReadAsync(app.Database) - before;
        return new IntakeRun(load, backlog.DefaultIfEmpty(0).Max(), atStop, drain, commits, resident.Select(r => r.Process).DefaultIfEmpty(Machine.ResidentMiB()).Max(),
            resident.Select(r => r.Heap).DefaultIfEmpty(Machine.HeapMiB()).Max(), Machine.LoadAverage());
    }

    private static async Task<bool> SubmitAsync(HttpClient citizen, string path, int number)
    {
        using var response = await citizen.PostAsJsonAsync(path, BenchmarkApp.Complaint(number));
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        await Console.Error.WriteLineAsync($"submit {number}: {(int)response.StatusCode}");
        return false;
    }

    /// <summary>Every second: the outbox messages not yet delivered, and this process's resident memory and the GC's share of it.</summary>
    private static async Task SampleAsync(TestApp app, List<int> backlog, List<(double Process, double Heap)> resident, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                backlog.Add(await PendingAsync(app));
                resident.Add((Machine.ResidentMiB(), Machine.HeapMiB()));
            }
        }
        catch (OperationCanceledException)
        {
            // the stretch is over
        }
    }

    private static async Task<int> PendingAsync(TestApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending);
    }

    private static RatioTable Table(Store store, int clients, RatioOptions options, List<ReferenceResult> references, List<LoadResult> floors, List<IntakeRun> runs)
    {
        var table = new RatioTable($"{store.ToString().ToLowerInvariant()}, {clients} clients, {options.Seconds} s per stretch, {runs.Count} repetitions")
            .Compare("submits / s (201 answers)", [.. runs.Select(r => r.Load.PerSecond)], "R_case / s", [.. references.Select(r => r.PerSecond)])
            .Compare("the floor: R_case's write behind a bare HTTP endpoint, submits / s", [.. floors.Select(r => r.PerSecond)], "R_case / s", [.. references.Select(r => r.PerSecond)])
            .Compare("submits / s against the floor", [.. runs.Select(r => r.Load.PerSecond)], "floor / s", [.. floors.Select(r => r.PerSecond)])
            .Compare("submit ms p50", [.. runs.Select(r => r.Load.Latency.Percentile(50))], "R_case ms p50", [.. references.Select(r => r.Latency.Percentile(50))])
            .Compare("submit ms p99", [.. runs.Select(r => r.Load.Latency.Percentile(99))], "R_case ms p99", [.. references.Select(r => r.Latency.Percentile(99))])
            .Compare("submit ms max", [.. runs.Select(r => r.Load.Latency.Max)], "R_case ms max", [.. references.Select(r => r.Latency.Max)])
            .Compare("process CPU ms per submit (app + load clients; the database's processes not counted)", [.. runs.Select(r => r.Load.CpuMicrosecondsPerRequest / 1000)],
                "the floor", [.. floors.Select(r => r.CpuMicrosecondsPerRequest / 1000)], "0.00")
            .Compare("machine CPU ms per submit (every process: app, load clients, database, kernel)", [.. runs.Select(r => r.Load.MachineCpuMicrosecondsPerRequest / 1000)],
                "R_case", [.. references.Select(r => r.MachineCpuMicrosecondsPerCase / 1000)], "0.00")
            .Compare("machine CPU busy, share of its cores", [.. runs.Select(r => Machine.BusyShare(r.Load.MachineCpu, r.Load.Elapsed))],
                "R_case", [.. references.Select(r => Machine.BusyShare(r.MachineCpu, r.Elapsed))], "0.00")
            .Add("failed submits to the floor", floors.Select(r => (double)r.Failed), "0")
            .Add("failed submits", runs.Select(r => (double)r.Load.Failed), "0")
            .Add("outbox backlog (pending), max of the 1 s samples", runs.Select(r => (double)r.MaxBacklog), "0")
            .Add("outbox backlog when the load stopped", runs.Select(r => (double)r.BacklogAtStop), "0")
            .Add($"outbox drained, s after the load stopped (NaN: not within {options.Timeout} s)", runs.Select(r => r.Drain?.TotalSeconds ?? double.NaN))
            .Compare(store == Store.Postgres ? "xact_commit per case, until drained" : "commits per case, until drained",
                [.. runs.Select(r => r.CommitsPerCase)], "R_case", [.. references.Select(r => r.CommitsPerCase)], "0.00");
        if (store == Store.Postgres)
        {
            table.Compare("WAL syncs per case, until drained", [.. runs.Select(r => r.WalSyncsPerCase)], "R_case", [.. references.Select(r => r.WalSyncsPerCase)], "0.00");
        }

        return table
            .Add("process RSS, max of the 1 s samples (MiB; app + load clients)", runs.Select(r => r.MaxResidentMiB), "0")
            .Add("of which the GC's committed memory, max of the samples (MiB)", runs.Select(r => r.MaxHeapMiB), "0")
            .Add("load average (1 min) after the stretch", runs.Select(r => r.LoadAverage), "0.00");
    }
}
