using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite statements prepared on connections that stay open. Microsoft.Data.Sqlite prepares
/// every command anew (sqlite3_prepare: parsing and planning), which costs more than running a point
/// query, and it finalizes a connection's statements when the connection closes — so a cache only
/// pays on connections that are kept open (<see cref="PreparedContexts"/>). For those, EF's command
/// is not run: the same SQL runs on a command of this cache, prepared once, with EF's parameter
/// values. Other connections pass through untouched. Registered on SQLite only.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    // Distinct SQL texts kept per connection; queries built from varying shapes beyond this run unprepared.
    private const int MaxStatements = 128;
    private readonly ConditionalWeakTable<DbConnection, Dictionary<string, SqliteCommand>> _caches = new();

    /// <summary>From now on, commands on this (kept-open) connection run prepared statements.</summary>
    public void Enable(SqliteConnection connection) => _caches.AddOrUpdate(connection, new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Prepared(command) is { } prepared ? InterceptionResult<DbDataReader>.SuppressWithResult(prepared.ExecuteReader()) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Prepared(command) is { } prepared ? InterceptionResult<int>.SuppressWithResult(prepared.ExecuteNonQuery()) : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Prepared(command) is { } prepared ? InterceptionResult<object>.SuppressWithResult(prepared.ExecuteScalar()!) : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>A command of this cache for a kept-open connection, prepared once per SQL text; null for any other connection.</summary>
    public SqliteCommand? Command(DbConnection connection, string sql)
    {
        if (Cached(connection, sql) is not { } prepared)
        {
            return null;
        }

        prepared.Parameters.Clear();
        prepared.Transaction = null;
        return prepared;
    }

    /// <summary>The cached, prepared twin of EF's command, bound to its parameter values; null when there is none to use.</summary>
    private SqliteCommand? Prepared(DbCommand command)
    {
        if (command.Connection is not { } connection || Cached(connection, command.CommandText) is not { } prepared)
        {
            return null;
        }

        prepared.Transaction = (SqliteTransaction?)command.Transaction;
        prepared.CommandTimeout = command.CommandTimeout;
        // EF's own parameters, as they are: a copy could not tell a type EF set from one inferred from the value.
        prepared.Parameters.Clear();
        foreach (SqliteParameter parameter in command.Parameters)
        {
            prepared.Parameters.Add(parameter);
        }

        return prepared;
    }

    // The connection's statement for this SQL, made on first use; null when the connection is not kept
    // open here, or when it already holds as many statements as the cache keeps.
    private SqliteCommand? Cached(DbConnection connection, string sql)
    {
        if (connection is not SqliteConnection sqlite || !_caches.TryGetValue(sqlite, out var cache))
        {
            return null;
        }

        if (!cache.TryGetValue(sql, out var prepared))
        {
            if (cache.Count >= MaxStatements)
            {
                return null;
            }

            prepared = sqlite.CreateCommand();
            prepared.CommandText = sql;
            cache[sql] = prepared;
        }

        return prepared;
    }
}
