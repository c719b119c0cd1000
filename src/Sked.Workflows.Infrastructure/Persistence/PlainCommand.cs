using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// A plain command for a hot statement, where EF's own work costs more than the statement: on a SQLite
/// connection kept open with <see cref="SqliteStatementCache"/>, that connection's prepared statement;
/// on any other, a new command (Npgsql prepares a repeated one on its connection itself). Dispose it
/// when done: a new command is disposed, a cached one forgets this use's values and transaction.
/// </summary>
public sealed class PlainCommand : IDisposable
{
    private readonly bool _cached;

    private PlainCommand(DbCommand command, bool cached)
    {
        Command = command;
        _cached = cached;
    }

    public DbCommand Command { get; }

    /// <summary>The statement on an open connection, in the given transaction (or none).</summary>
    public static PlainCommand On(DbConnection connection, DbTransaction? transaction, string sql, SqliteStatementCache? statements)
    {
        if (statements?.Command(connection, sql) is { } prepared)
        {
            prepared.Transaction = (SqliteTransaction?)transaction;
            return new PlainCommand(prepared, cached: true);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return new PlainCommand(command, cached: false);
    }

    /// <summary>Adds a parameter by name (both stores take @name).</summary>
    public PlainCommand With(string name, object value)
    {
        var parameter = Command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        Command.Parameters.Add(parameter);
        return this;
    }

    /// <summary>An instant as either store keeps it: UTC ticks on SQLite, timestamptz on PostgreSQL.</summary>
    public static DateTimeOffset Instant(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(long)
        ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
        : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Null, or the instant, as <see cref="Instant"/> reads it.</summary>
    public static DateTimeOffset? InstantOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    public void Dispose()
    {
        if (!_cached)
        {
            Command.Dispose();
            return;
        }

        // The cached statement outlives this use: it must not keep the transaction or the values.
        Command.Transaction = null;
        Command.Parameters.Clear();
    }
}
