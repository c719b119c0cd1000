using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// Plain ADO.NET on either store, no EF: the references write through it and the benchmarks read
/// their samples with it. Identifiers are double-quoted, which both stores accept.
/// </summary>
internal static class Sql
{
    /// <summary>Opens a connection; a SQLite one has its commits counted like the app's (<see cref="CommitCounter"/>).</summary>
    public static async Task<DbConnection> OpenAsync(DatabaseTarget database)
    {
        DbConnection connection = database.Store == Store.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (connection is SqliteConnection sqlite)
        {
            CommitCounter.Attach(sqlite);
        }

        return connection;
    }

    /// <summary>A command whose arguments are bound to @p0, @p1, … in order.</summary>
    public static DbCommand Command(DbConnection connection, string text, params object?[] arguments)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = arguments[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<long> ScalarAsync(DatabaseTarget database, string text, params object?[] arguments)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, text, arguments);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(DatabaseTarget database, string text, params object?[] arguments)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, text, arguments);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A point in time as the store keeps it: UTC ticks in SQLite (the app's converter), timestamptz in PostgreSQL.</summary>
    public static object Time(Store store, DateTimeOffset time) => store == Store.Postgres ? time.UtcDateTime : time.UtcTicks;

    /// <summary>A stored point in time read back (see <see cref="Time"/>).</summary>
    public static DateTimeOffset ReadTime(object value) => value switch
    {
        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidOperationException($"not a stored time: {value}"),
    };
}
