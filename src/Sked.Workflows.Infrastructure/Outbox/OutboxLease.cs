using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// One batch of messages owned by one dispatcher until <see cref="Until"/>: taken with a single
/// statement, so two nodes on one database never take the same message, and given up by the clock,
/// so a node that dies strands nothing. <see cref="Owner"/> is unique to the batch; it is what the
/// results are recorded against.
/// </summary>
public sealed class OutboxLease
{
    private OutboxLease(string owner, DateTimeOffset until, IReadOnlyList<OutboxMessage> messages)
    {
        Owner = owner;
        Until = until;
        Messages = messages;
    }

    public string Owner { get; }
    public DateTimeOffset Until { get; }
    public IReadOnlyList<OutboxMessage> Messages { get; }

    /// <summary>
    /// Leases up to <paramref name="size"/> due messages, oldest due first. Due means pending, its
    /// time come, and nobody's lease on it running (never leased, released, or expired).
    /// </summary>
    public static async Task<OutboxLease> TakeAsync(SkedDbContext db, string node, DateTimeOffset now, TimeSpan length, int size, CancellationToken cancellationToken)
    {
        var owner = $"{node}/{Guid.NewGuid():N}";
        var until = now + length;
        var pending = nameof(OutboxStatus.Pending);
        // Ordered by AvailableAt, not CreatedAt: the (Status, AvailableAt) index then serves the order
        // without a sort, and a retried message waits its turn by the time it became due again.
        var taken = db is PostgresSkedDbContext
            // SKIP LOCKED: a node passes over rows another node is leasing at this moment instead of
            // queueing behind it; the row's lease columns are checked again once it is locked.
            ? db.Outbox.FromSql($"""
                UPDATE outbox SET "LockedBy" = {owner}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM outbox
                    WHERE "Status" = {pending} AND "AvailableAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "AvailableAt" LIMIT {size}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            // SQLite has one writer at a time: the one statement is the whole lease. Instants are UTC ticks there.
            : db.Outbox.FromSql($"""
                UPDATE outbox SET "LockedBy" = {owner}, "LockedUntil" = {until.UtcTicks}
                WHERE "Id" IN (
                    SELECT "Id" FROM outbox
                    WHERE "Status" = {pending} AND "AvailableAt" <= {now.UtcTicks} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now.UtcTicks})
                    ORDER BY "AvailableAt" LIMIT {size})
                RETURNING *
                """);
        // Not composed: an UPDATE cannot be wrapped in a SELECT; RETURNING gives no order, so order here.
        var messages = await taken.AsNoTracking().ToListAsync(cancellationToken);
        return new OutboxLease(owner, until, messages.OrderBy(m => m.AvailableAt).ThenBy(m => m.CreatedAt).ToList());
    }

    /// <summary>
    /// The batch's rows that are still this lease's, tracked for recording, inside the caller's
    /// transaction. On PostgreSQL they are locked, so no other node can take one over between this
    /// read and the commit; on SQLite the transaction holds the one write lock already.
    /// </summary>
    public async Task<List<OutboxMessage>> HeldAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var ids = Messages.Select(m => m.Id).ToArray();
        return db is PostgresSkedDbContext
            ? await db.Outbox.FromSql($"""SELECT * FROM outbox WHERE "Id" = ANY({ids}) AND "LockedBy" = {Owner} FOR UPDATE""").ToListAsync(cancellationToken)
            : await db.Outbox.Where(m => ids.Contains(m.Id) && m.LockedBy == Owner).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Frees the messages an earlier start of this node leased and never finished (it was killed), so they
    /// go out now instead of after their lease runs out. On SQLite, which one process serves
    /// (<see cref="Cluster.SqliteNodeLock"/>), that is every lease but this start's; on PostgreSQL, the leases of
    /// this node's name (Cluster__NodeName) from another start. Each counts an attempt, since it may have gone
    /// out: an SMS is then asked after before it is sent again (<see cref="MayHaveBeenTriedBefore"/>).
    /// </summary>
    public static Task<int> TakeBackFromEarlierStartAsync(SkedDbContext db, Cluster.NodeIdentity node, CancellationToken cancellationToken)
    {
        var ours = node.Name + "/";
        var thisStart = node + "/";
        var left = db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.LockedBy != null && !m.LockedBy.StartsWith(thisStart));
        if (db is PostgresSkedDbContext)
        {
            left = left.Where(m => m.LockedBy!.StartsWith(ours));
        }

        return left.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts + 1),
            cancellationToken);
    }

    /// <summary>
    /// Whether an earlier try of the message may have gone out without its outcome being recorded. A
    /// recorded failure counts an attempt. An unrecorded one (the node died mid-send) leaves the row
    /// leased until its lease ran out, and the row was due when it was leased, so it is taken again
    /// at least one lease length after it became due; a message first taken sooner was never tried.
    /// </summary>
    public static bool MayHaveBeenTriedBefore(OutboxMessage message, DateTimeOffset now, TimeSpan length) =>
        message.Attempts > 0 || now - message.AvailableAt >= length;
}
