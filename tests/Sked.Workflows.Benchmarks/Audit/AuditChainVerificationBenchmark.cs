using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Audit;

/// <summary>
/// How fast the audit chain is verified (events/s): the pure core in memory, then AuditChainVerifier
/// reading a sealed chain from SQLite and from a throwaway PostgreSQL (when its binaries are installed).
/// Sealing speed is printed on the way: 1,000 events per transaction (bulk), and one event per
/// transaction from two writers at once (as the engine writes; bound by commits and the head lock).
/// </summary>
public static class AuditChainVerificationBenchmark
{
    private const int Rounds = 3;
    private const int EventsPerTransaction = 1000;
    private const int SingleTransactions = 1000;
    private static readonly AuditChain Chain = new(AuditOptions.DevelopmentKey);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        Console.WriteLine($"Audit chain verification, {count:N0} events, best of {Rounds} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        InMemory(count);

        var folder = Directory.CreateTempSubdirectory("sked-bench-").FullName;
        try
        {
            await StoreAsync("SQLite", new DatabaseTarget(Store.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}"), count);
            if (Directory.Exists("/usr/lib/postgresql"))
            {
                await using var postgres = await PostgresServer.StartAsync();
                await StoreAsync("PostgreSQL", new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()), count);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void InMemory(int count)
    {
        var events = new List<AuditEvent>(count);
        var previous = AuditChain.Genesis();
        using (var linker = Chain.CreateLinker())
        {
            for (var i = 1; i <= count; i++)
            {
                var audit = Event(i, DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(i));
                audit.Seq = i;
                audit.Hash = linker.Link(previous, audit);
                previous = audit.Hash;
                events.Add(audit);
            }
        }

        var head = new AuditChainHead { Seq = count, Hash = previous };
        var best = Best(() => Check(ChainWalk.Verify(Chain, events, head)));
        Report("in memory (ChainWalk)", count, best);
    }

    private static async Task StoreAsync(string name, DatabaseTarget database, int count)
    {
        var time = TimeProvider.System;
        var sealer = new AuditChainSealer(Chain, time);
        await using (var db = AuditChecks.OpenDatabase(database))
        {
            await db.Database.MigrateAsync();
        }

        var sealing = Stopwatch.StartNew();
        for (var written = 0; written < count; written += EventsPerTransaction)
        {
            await using var db = AuditChecks.OpenDatabase(database, sealer);
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = written + 1; i <= Math.Min(count, written + EventsPerTransaction); i++)
            {
                db.AuditEvents.Add(Event(i, time.GetUtcNow()));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Report($"{name}: sealing, {EventsPerTransaction:N0} per transaction", count, sealing.Elapsed);
        sealing.Restart();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < SingleTransactions / 2; i++)
            {
                await using var db = AuditChecks.OpenDatabase(database, sealer);
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.AuditEvents.Add(Event(count + (writer * SingleTransactions) + i, time.GetUtcNow()));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        })));
        Report($"{name}: sealing, 1 per transaction, 2 writers", SingleTransactions, sealing.Elapsed);
        count += SingleTransactions;
        var verifier = new AuditChainVerifier(new Factory(database), Chain);
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            Check(await verifier.VerifyAsync(anchors: null, CancellationToken.None));
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        Report($"{name}: AuditChainVerifier", count, best);
    }

    private static AuditEvent Event(int i, DateTimeOffset at) => new()
    {
        At = at,
        Type = (i % 4) switch { 0 => "task.completed", 1 => "task.opened", 2 => "case.status-changed", _ => "node.entered" },
        Actor = i % 3 == 0 ? "system" : "staff.metering",
        CaseId = Guid.CreateVersion7(),
        TrackingCode = "14050907" + (i % 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
        InstanceId = Guid.CreateVersion7(),
        DefinitionId = "complaint",
        DefinitionVersion = 1,
        Data = $$"""{"task":"{{Guid.CreateVersion7()}}","outcome":"answer","data":{"answer":"کنتور شما فردا تعویض می‌شود. شماره {{i}}"},"node":"department-answer"}""",
        ClientAddress = i % 2 == 0 ? "10.20.30.40" : null,
    };

    private static TimeSpan Best(Action run)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            run();
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return best;
    }

    private static void Check(ChainVerification result)
    {
        if (!result.Valid)
        {
            throw new InvalidOperationException($"the benchmark chain is broken at {result.FirstBroken}");
        }
    }

    private static void Report(string what, int count, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-50} {elapsed.TotalSeconds,8:F2} s  {count / elapsed.TotalSeconds,12:N0} events/s"));

    private sealed class Factory(DatabaseTarget database) : IDbContextFactory<SkedDbContext>
    {
        public SkedDbContext CreateDbContext() => AuditChecks.OpenDatabase(database);
    }
}
