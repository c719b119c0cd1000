using Microsoft.Data.Sqlite;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Persistence;

/// <summary>
/// SQLite's one writer, queued in-process by <see cref="SqliteWriterGate"/>. A hold that never
/// became a transaction (a request cancelled between the queue and BEGIN, a write interrupted so
/// that SQLite rolled back by itself: EF reports no end for either) once kept every later writer
/// waiting 30 s for a 503 (found by the fuzz suite under load, issue 16). Driven here through the
/// interceptor's own entry point on real SQLite connections.
/// </summary>
public sealed class SqliteWriterGateTests(TestDatabases databases)
{
    [Fact]
    public async Task AHoldWithNoTransactionBehindIt_IsTakenBackWithinSeconds()
    {
        using var gate = new SqliteWriterGate();
        await using var abandoned = await OpenAsync();
        await using var next = await OpenAsync();
        await gate.TransactionStartingAsync(abandoned, null!, default);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await gate.TransactionStartingAsync(next, null!, default, patience.Token);
    }

    [Fact]
    public async Task AHoldWithATransactionOpen_KeepsTheNextWriterWaiting()
    {
        using var gate = new SqliteWriterGate();
        await using var writing = await OpenAsync();
        await using var next = await OpenAsync();
        await gate.TransactionStartingAsync(writing, null!, default);
        await using var transaction = await writing.BeginTransactionAsync();

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await gate.TransactionStartingAsync(next, null!, default, patience.Token));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection((await databases.CreateAsync(Store.Sqlite)).ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
