using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Whether a failure means the database cannot serve for now — down, restarting, unreachable, out of
/// disk or busy past its timeout — rather than a fault in the request or the code. Such a failure is
/// answered 503 with Retry-After (issue 16), and nothing was written: the unit's transaction rolled back.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLite: busy, locked, I/O error, disk full, cannot open.
    private static readonly int[] SqliteCodes = [5, 6, 10, 13, 14];

    // PostgreSQL classes: 08 connection exception, 53 insufficient resources (disk full, out of
    // memory, too many connections), 57P operator intervention (shutdown, cannot connect now).
    private static readonly string[] PostgresStates = ["08", "53", "57P"];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current switch
            {
                PostgresException postgres => PostgresStates.Any(s => postgres.SqlState.StartsWith(s, StringComparison.Ordinal)),
                NpgsqlException npgsql => npgsql.IsTransient,
                SqliteException sqlite => SqliteCodes.Contains(sqlite.SqliteErrorCode),
                DbException db => db.IsTransient,
                TimeoutException => true,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }
}
