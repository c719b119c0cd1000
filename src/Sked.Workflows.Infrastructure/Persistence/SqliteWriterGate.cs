using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writing transaction at a time; without a gate the others sleep and poll in
/// SQLite's busy handler, which is neither fair nor prompt (seconds of stall under load). This gate
/// queues every transaction the app begins in-process, first come first served, and lets the next
/// one in the moment the previous commits, rolls back or closes its connection. Reads do not begin
/// transactions and pass freely (WAL). Registered on SQLite only.
/// A hold whose connection is in no transaction after a moment is stale and taken back: EF reports
/// no end for a transaction whose begin or rollback was cut short (a request cancelled between the
/// queue and SQLite's BEGIN, or a write interrupted so that SQLite rolled back by itself), and such a
/// hold once kept every writer waiting its whole patience (found by the fuzz suite under load).
/// </summary>
public sealed class SqliteWriterGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    // As long as SQLite's own busy timeout was: a writer that waits longer is stuck, not queued.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Longer than any moment between the queue and SQLite's BEGIN; short beside the patience.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = new();
    private Holder? _current;

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Release(connection);
        var waited = Stopwatch.StartNew();
        while (!await _gate.WaitAsync(StaleAfter, cancellationToken))
        {
            TakeBackStaleHold(waited);
        }

        Hold(connection);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Release(connection);
        var waited = Stopwatch.StartNew();
        while (!_gate.Wait(StaleAfter))
        {
            TakeBackStaleHold(waited);
        }

        Hold(connection);
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

    private void Hold(DbConnection connection)
    {
        var holder = new Holder(_gate, connection);
        _holders.AddOrUpdate(connection, holder);
        _current = holder;
    }

    /// <summary>Frees the gate from a hold whose connection began no transaction (or lost it); gives up after the patience.</summary>
    private void TakeBackStaleHold(Stopwatch waited)
    {
        // The latest hold is the one the gate waits on; it is taken back only if still recorded as itself.
        if (_current is { } holder && holder.Held > StaleAfter && !holder.InTransaction
            && _holders.TryGetValue(holder.Connection, out var recorded) && ReferenceEquals(recorded, holder))
        {
            _holders.Remove(holder.Connection);
            holder.Release();
            return;
        }

        if (waited.Elapsed >= Patience)
        {
            throw Stuck();
        }
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
    private sealed class Holder(SemaphoreSlim gate, DbConnection connection)
    {
        private readonly long _since = Stopwatch.GetTimestamp();
        private int _released;

        public DbConnection Connection => connection;

        public TimeSpan Held => Stopwatch.GetElapsedTime(_since);

        /// <summary>Whether SQLite itself has a transaction open on the connection (it is out of autocommit mode).</summary>
        public bool InTransaction => connection is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } handle }
            && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
