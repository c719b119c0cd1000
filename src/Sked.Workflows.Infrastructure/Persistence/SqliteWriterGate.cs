using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writing transaction at a time; without a gate the others sleep and poll in
/// SQLite's busy handler, which is neither fair nor prompt (seconds of stall under load). This gate
/// queues every transaction the app begins in-process, first come first served, and lets the next
/// one in the moment the previous commits, rolls back or closes its connection. Reads do not begin
/// transactions and pass freely (WAL). Registered on SQLite only.
/// </summary>
public sealed class SqliteWriterGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    // As long as SQLite's own busy timeout was: a writer that waits longer is stuck, not queued.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = new();

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Release(connection);
        if (!await _gate.WaitAsync(Patience, cancellationToken))
        {
            throw Stuck();
        }

        _holders.AddOrUpdate(connection, new Holder(_gate));
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Release(connection);
        if (!_gate.Wait(Patience))
        {
            throw Stuck();
        }

        _holders.AddOrUpdate(connection, new Holder(_gate));
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback" or "Start")
        {
            Release(eventData.Context);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends when its connection closes, or at the
    // latest when the same connection (a pooled context's) begins the next one: a connection has one
    // transaction at a time, so a hold still recorded for it then is stale.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    private static TimeoutException Stuck() => new(
        "No SQLite write transaction could begin within 30 s: a transaction is held open (or one was begun inside another on the same flow).");

    public void Dispose() => _gate.Dispose();

    private void Release(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not null)
        {
            Release(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(context.Database));
        }
    }

    /// <summary>
    /// A kept-open connection handed back to <see cref="PreparedContexts"/> holds no transaction any
    /// more; a hold still recorded (a transaction disposed without commit or rollback) ends here,
    /// since the connection will not close to end it.
    /// </summary>
    internal void Returned(DbConnection connection) => Release(connection);

    private void Release(DbConnection connection)
    {
        if (_holders.TryGetValue(connection, out var holder))
        {
            _holders.Remove(connection);
            holder.Release();
        }
    }

    /// <summary>One transaction's hold on the gate, released once whichever end comes first.</summary>
    private sealed class Holder(SemaphoreSlim gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
