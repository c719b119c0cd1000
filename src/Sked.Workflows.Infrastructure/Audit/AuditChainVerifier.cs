using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>A lane's checkpoint as exported: its head at the end of that day (Iran time), or today's running head.</summary>
public sealed record ChainCheckpoint(int Lane, DateOnly Day, long Seq, string Hash, DateTimeOffset? At, bool Closed);

/// <summary>
/// Checks the whole stored chain, every lane (<see cref="ChainLanes"/>), streaming events in Seq order from one
/// consistent snapshot, and lists the daily checkpoints. Writers are not held up: PostgreSQL reads a
/// repeatable-read snapshot and SQLite a deferred (WAL) read transaction.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<SkedDbContext> dbFactory, AuditChain chain)
{
    public async Task<ChainVerification> VerifyAsync(IReadOnlyDictionary<long, byte[]>? anchors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        var heads = await db.ChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);
        using var lanes = new LaneWalks(chain, heads, anchors);
        // One streaming query, not pages: a repeated Seq at a page boundary could otherwise be skipped.
        var events = db.AuditEvents.AsNoTracking().OrderBy(a => a.Seq).ThenBy(a => a.Id).AsAsyncEnumerable();
        await foreach (var audit in events.WithCancellation(cancellationToken))
        {
            lanes.Step(audit);
        }

        return lanes.Finish();
    }

    /// <summary>Every lane's closed days' checkpoints and today's running head, oldest first.</summary>
    public async Task<IReadOnlyList<ChainCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        var closed = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Day).ThenBy(c => c.Lane).ToListAsync(cancellationToken);
        var list = closed.Select(c => new ChainCheckpoint(c.Lane, c.Day, c.Seq, AuditChain.Hex(c.Hash), c.At, Closed: true)).ToList();
        var heads = await db.ChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);
        foreach (var head in heads.Where(h => h.SealedOn is not null && ChainLanes.Count(h) > 0))
        {
            list.Add(new ChainCheckpoint(head.Id, head.SealedOn!.Value, head.Seq, AuditChain.Hex(head.Hash), head.At, Closed: false));
        }

        return list;
    }

    private static async Task<IAsyncDisposable> BeginSnapshotAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        // EF begins SQLite transactions IMMEDIATE (a write lock); a deferred one only reads a snapshot.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }
}
