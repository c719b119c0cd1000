using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Writes a unit's new rows with plain INSERT statements built once per entity type from EF's own
/// model — its tables, column names and type mappings (value converters included) — so each row is
/// stored exactly as SaveChanges would store it. A submission's SaveChanges spent more CPU in EF's
/// change processing and command building than the database spent on the rows (issue 11). Only a
/// unit whose tracked changes are all inserts is written this way, and only one that is done with its
/// rows afterwards: they are forgotten (detached) once written. On PostgreSQL the rows go in one batch
/// (one round trip) with positional parameters, which Npgsql neither parses nor renames; on a SQLite
/// connection kept open, as prepared statements.
/// </summary>
internal static class NewRowWriter
{
    private static readonly ConcurrentDictionary<IEntityType, RowStatement> Statements = new();

    /// <summary>
    /// Writes <paramref name="untracked"/> (new rows the context never saw) and every tracked change,
    /// when all are inserts it can write, and detaches what was tracked; false (and nothing written)
    /// when some are not, so the caller saves with EF. A taken key throws a <see cref="DbUpdateException"/>,
    /// as SaveChanges would.
    /// </summary>
    public static async Task<bool> TryWriteAsync(SkedDbContext db, IReadOnlyList<object> untracked, SqliteStatementCache? statements,
        CancellationToken cancellationToken)
    {
        var rows = Rows(db, untracked);
        if (rows is null)
        {
            return false;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("New rows are written with plain statements only inside the unit's transaction.");
        try
        {
            if (connection.CanCreateBatch && statements is null)
            {
                await WriteBatchAsync(connection, transaction, rows, cancellationToken);
            }
            else
            {
                await WriteOneByOneAsync(connection, transaction, rows, statements, cancellationToken);
            }
        }
        catch (DbException ex)
        {
            throw new DbUpdateException("A new row could not be written: " + ex.Message, ex);
        }

        db.ChangeTracker.Clear();
        return true;
    }

    // The rows to insert with their statements, principals before their dependents; null when something else changed.
    private static List<Row>? Rows(SkedDbContext db, IReadOnlyList<object> untracked)
    {
        var rows = new List<Row>(untracked.Count);
        foreach (var entity in untracked)
        {
            if (db.Model.FindEntityType(entity.GetType()) is not { } type || Statement(type) is not { UntrackedWritable: true } statement
                || !statement.HasKey(entity))
            {
                return null;
            }

            rows.Add(new Row(statement, entity, null));
        }

        if (db.ChangeTracker.HasChanges() && !AddTracked(db, rows))
        {
            return null;
        }

        // Foreign keys are checked per statement: principals first, as EF orders them. The order is
        // stable, so rows of one table keep the order they were added in (a case's timeline, its ids).
        return [.. rows.OrderBy(r => r.Statement.Rank)];
    }

    private static bool AddTracked(SkedDbContext db, List<Row> rows)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged || (entry.Metadata.IsOwned() && entry.State == EntityState.Added))
            {
                continue;
            }

            // An audit event saved through EF is the sealer's to write (it holds it for the commit): all go through EF then.
            if (entry.Entity is Audit.AuditEvent || entry.State != EntityState.Added
                || Statement(entry.Metadata) is not { } statement || !statement.CanWrite(entry))
            {
                return false;
            }

            rows.Add(new Row(statement, entry.Entity, entry));
        }

        return true;
    }

    private static RowStatement? Statement(IEntityType type)
    {
        var statement = Statements.GetOrAdd(type, RowStatement.For);
        return statement.Usable ? statement : null;
    }

    private static async Task WriteBatchAsync(DbConnection connection, DbTransaction transaction, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        // Parameters are made by a command (EF's type mappings take one) and moved to the batch's commands.
        await using var maker = connection.CreateCommand();
        foreach (var (statement, entity, entry) in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.PositionalSql;
            statement.Bind(entity, entry, maker, command.Parameters, positional: true);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteOneByOneAsync(DbConnection connection, DbTransaction transaction, List<Row> rows,
        SqliteStatementCache? statements, CancellationToken cancellationToken)
    {
        foreach (var (statement, entity, entry) in rows)
        {
            using var plain = PlainCommand.On(connection, transaction, statement.NamedSql, statements);
            statement.Bind(entity, entry, plain.Command, plain.Command.Parameters, positional: false);
            await plain.Command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A row to insert: its statement, the entity, and its entry when the context tracks it.</summary>
    private sealed record Row(RowStatement Statement, object Entity, EntityEntry? Entry);
}
