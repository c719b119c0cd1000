using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Benchmarks.Cases;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>What a reference loop measured.</summary>
internal sealed record ReferenceResult(int Cases, TimeSpan Elapsed, CommitCount Commits, LatencyRecorder Latency, TimeSpan MachineCpu = default)
{
    /// <summary>The whole machine's CPU time per case written (this process and the database's).</summary>
    public double MachineCpuMicrosecondsPerCase => MachineCpu.TotalMicroseconds / Math.Max(1, Cases);

    public double PerSecond => Cases / Elapsed.TotalSeconds;
    public double CommitsPerCase => Cases == 0 ? double.NaN : (double)Commits.Commits / Cases;
    public double WalSyncsPerCase => Cases == 0 || Commits.WalSyncs is null ? double.NaN : (double)Commits.WalSyncs.Value / Cases;
}

/// <summary>
/// R_case: the database's own limit for the write a submission needs. Each client loops: one
/// transaction writing a copy of the app's rows for one case (<see cref="CaseTemplate"/>), committed.
/// Plain ADO.NET against a database of the app's schema (made by its migrations), no EF, no HTTP.
/// SQLite has one writer, so its clients take turns behind an in-process gate rather than spinning in
/// SQLite's busy handler — the best the store can do, which is what the app is compared with.
/// </summary>
internal static class CaseWriteReference
{
    /// <summary>A fresh database of the app's schema, holding the definition version the copies point at.</summary>
    public static async Task<DatabaseTarget> CreateDatabaseAsync(TestDatabases databases, Store store, CaseTemplate template)
    {
        var reference = await databases.CreateAsync(store);
        await using (var db = AuditChecks.OpenDatabase(reference))
        {
            await db.Database.MigrateAsync();
            if (store == Store.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the app's initializer does
            }
        }

        await using var connection = await Sql.OpenAsync(reference);
        await template.PrepareAsync(connection);
        return reference;
    }

    public static async Task<ReferenceResult> RunAsync(DatabaseTarget reference, CaseTemplate template, int clients, TimeSpan duration)
    {
        using var gate = Gate(reference.Store, clients);
        var latency = new LatencyRecorder();
        var before = await CommitCounter.ReadAsync(reference);
        var written = 0;
        var machine = Machine.BusyCpu();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            // Microsoft.Data.Sqlite completes its async calls synchronously: without this the first
            // client would loop to the end of the stretch before the others were even started.
            await Task.Yield();
            await using var connection = await Sql.OpenAsync(reference);
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                await latency.TimeAsync(async () =>
                {
                    await WriteOneAsync(connection, gate, template);
                    return Interlocked.Increment(ref written);
                });
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new ReferenceResult(written, elapsed, await CommitCounter.ReadAsync(reference) - before, latency, Machine.BusyCpu() - machine);
    }

    /// <summary>The writers' turns: one at a time on SQLite (its one writer), all at once on PostgreSQL.</summary>
    public static SemaphoreSlim Gate(Store store, int writers) => new(store == Store.Sqlite ? 1 : writers);

    /// <summary>One case's copy, in a transaction of its own, committed, after waiting for its turn.</summary>
    public static async Task WriteOneAsync(DbConnection connection, SemaphoreSlim gate, CaseTemplate template)
    {
        await gate.WaitAsync();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await template.WriteCopyAsync(connection, transaction);
            await transaction.CommitAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
