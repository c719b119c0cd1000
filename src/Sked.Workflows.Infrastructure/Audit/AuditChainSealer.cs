using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// Seals the audit events a transaction saves: locks the chain head, gives each event the next Seq and
/// its hash in the order the code wrote them, and moves the head; on the first seal of a new day it
/// keeps the previous day's head as that day's checkpoint. All of it is part of the same SaveChanges,
/// so the events, the head and the change they record commit or roll back together, and a transaction
/// retried after a conflict seals its events again on the head it then finds.
/// </summary>
public sealed class AuditChainSealer(AuditChain chain, TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SkedDbContext db)
        {
            await SealAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SkedDbContext db && Pending(db).Count > 0)
        {
            throw new InvalidOperationException("Audit events are saved with SaveChangesAsync only: sealing them reads and locks the chain head.");
        }

        return result;
    }

    private async Task SealAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var pending = Pending(db);
        if (pending.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events must be saved inside an explicit transaction (BeginTransactionAsync … CommitAsync), "
                + "so the chain head stays locked until the change they record commits.");
        }

        var head = await LockHeadAsync(db, cancellationToken);
        var today = JalaliDate.LocalDate(time.GetUtcNow());
        KeepCheckpoint(db, head, today);
        using var linker = chain.CreateLinker();
        foreach (var audit in pending)
        {
            audit.At = AuditChain.Normalize(audit.At);
            audit.Seq = head.Seq + 1;
            audit.Hash = linker.Link(head.Hash, audit);
            head.Seq = audit.Seq;
            head.Hash = audit.Hash;
            head.At = audit.At;
        }

        head.SealedOn = head.SealedOn > today ? head.SealedOn : today;
    }

    /// <summary>
    /// Reads the head and, on PostgreSQL, locks its row until the transaction ends, so sealing
    /// transactions queue in commit order. SQLite needs no lock: its transactions begin IMMEDIATE,
    /// which already serialises writers. The tracked head, if any, takes the values just read.
    /// </summary>
    internal static async Task<AuditChainHead> LockHeadAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? """SELECT * FROM audit_chain_head WHERE "Id" = 1 FOR UPDATE"""
            : """SELECT * FROM audit_chain_head WHERE "Id" = 1""";
        var rows = await db.ChainHead.FromSqlRaw(sql).AsNoTracking().ToListAsync(cancellationToken);
        var fresh = rows.Count == 1 ? rows[0] : throw new InvalidOperationException("The audit_chain_head row is missing: the database is not migrated.");
        var tracked = db.ChainHead.Local.FirstOrDefault();
        if (tracked is null)
        {
            db.ChainHead.Attach(fresh);
            return fresh;
        }

        // A SaveChanges that failed in this context left its moved head behind; start again from the stored one.
        var entry = db.Entry(tracked);
        entry.CurrentValues.SetValues(fresh);
        entry.OriginalValues.SetValues(fresh);
        entry.State = EntityState.Unchanged;
        return tracked;
    }

    private static void KeepCheckpoint(SkedDbContext db, AuditChainHead head, DateOnly today)
    {
        foreach (var stale in db.ChangeTracker.Entries<AuditCheckpoint>().Where(e => e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
        }

        if (head.SealedOn is { } day && day < today)
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint { Day = day, Seq = head.Seq, Hash = head.Hash, At = head.At });
        }
    }

    // Every event this SaveChanges inserts, sealed or not: a retry in the same context seals again.
    private static List<AuditEvent> Pending(SkedDbContext db) => db.ChangeTracker.Entries<AuditEvent>()
        .Where(e => e.State == EntityState.Added)
        .Select(e => e.Entity)
        .OrderBy(a => a.CreationOrder)
        .ToList();
}
