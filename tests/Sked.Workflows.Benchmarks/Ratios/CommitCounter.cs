using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Sked.Workflows.Testing;
using SQLitePCL;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>What the store committed over a window, and how much of it reached the disk.</summary>
/// <param name="Commits">SQLite: write transactions committed on counted connections. PostgreSQL: pg_stat_database.xact_commit of the database (read-only transactions included).</param>
/// <param name="WalSyncs">PostgreSQL: pg_stat_wal.wal_sync of the whole server (fsyncs of the WAL; several commits can share one); SQLite: null.</param>
internal sealed record CommitCount(long Commits, long? WalSyncs)
{
    public static CommitCount operator -(CommitCount after, CommitCount before) =>
        new(after.Commits - before.Commits, after.WalSyncs - before.WalSyncs);
}

/// <summary>
/// Counts durable commits. SQLite: a commit hook (sqlite3_commit_hook, called once per committed
/// write transaction, whether explicit or a single autocommit statement, never for reads) on every
/// connection EF Core opens in this process (the app's engine, outbox, audit and identity work) and
/// on the references' own connections; connections the app opens without EF (Quartz's ADO.NET job
/// store) are not counted. PostgreSQL: the server's own statistics.
/// </summary>
internal static class CommitCounter
{
    private static readonly delegate_commit Hook = _ =>
    {
        Interlocked.Increment(ref _sqliteCommits);
        return 0; // 0 lets the commit go ahead
    };

    private static long _sqliteCommits;
    private static IDisposable? _subscription;

    /// <summary>Starts counting the commits of every SQLite connection EF Core opens from now on.</summary>
    public static void WatchEntityFramework()
    {
        _subscription ??= DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == RelationalEventId.ConnectionOpened.Name && e.Value is ConnectionEndEventData { Connection: SqliteConnection sqlite })
                    {
                        Attach(sqlite);
                    }
                }));
            }
        }));
    }

    /// <summary>Counts this connection's commits (again after each open: a pooled handle keeps one hook).</summary>
    public static void Attach(SqliteConnection connection) => raw.sqlite3_commit_hook(connection.Handle, Hook, null);

    public static async Task<CommitCount> ReadAsync(DatabaseTarget database)
    {
        if (database.Store == Store.Sqlite)
        {
            return new CommitCount(Interlocked.Read(ref _sqliteCommits), null);
        }

        // Backends report their statistics when idle, at most once a second, or when they exit: closing
        // the pooled connections (the app's too) and waiting a moment makes the figures complete.
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = await Sql.OpenAsync(database);
        await using var command = Sql.Command(connection,
            "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()), (SELECT wal_sync FROM pg_stat_wal)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new CommitCount(reader.GetInt64(0), reader.GetInt64(1));
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
