using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// Seals the audit events a transaction writes, as the very last thing before it commits
/// (docs/adr/0003): a SaveChanges that adds events holds them back; when the transaction commits,
/// the sealer locks the chain head, gives each held event the next Seq and its hash in the order the
/// code wrote them, inserts them, moves the head (keeping the previous day's head as that day's
/// checkpoint on the first seal of a new day), and only then lets the COMMIT go. The events, the head
/// and the change they record still commit or roll back together, but the head's row lock is held for
/// one insert and the commit instead of the whole transaction, so writers on PostgreSQL no longer queue
/// behind it for their own work.
/// </summary>
public sealed class AuditChainSealer(AuditChain chain, TimeProvider time) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Held events belong to a connection's open transaction: the contexts of one group commit share it.
    private readonly ConditionalWeakTable<DbConnection, HeldEvents> _held = new();
    private readonly ConditionalWeakTable<DbContext, List<AuditEvent>> _heldBySave = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SkedDbContext db)
        {
            Hold(db);
        }

        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SkedDbContext db && Unsealed(db).Count > 0)
        {
            throw new InvalidOperationException("Audit events are saved with SaveChangesAsync only: sealing them reads and locks the chain head.");
        }

        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // What this save held back goes with it: its transaction (or savepoint) is rolled back by the caller.
        if (eventData.Context is { } context && _heldBySave.TryGetValue(context, out var events))
        {
            _held.GetOrCreateValue(context.Database.GetDbConnection()).Remove(events);
            _heldBySave.Remove(context);
        }

        return Task.CompletedTask;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        // A new transaction starts with nothing held: events of an abandoned one (disposed unfinished) are gone with it.
        _held.Remove(connection);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _held.Remove(connection);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SkedDbContext db && transaction.Connection is { } connection
            && _held.TryGetValue(connection, out var held) && held.Count > 0)
        {
            await SealAsync(db, transaction, held.TakeAll(), cancellationToken);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (transaction.Connection is { } connection && _held.TryGetValue(connection, out var held) && held.Count > 0)
        {
            throw new InvalidOperationException("A transaction with audit events commits with CommitAsync only: sealing them reads and locks the chain head.");
        }

        return result;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _held.Remove(context.Database.GetDbConnection());
        }
    }

    private void Hold(SkedDbContext db)
    {
        var unsealed = Unsealed(db);
        _heldBySave.Remove(db);
        if (unsealed.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events must be saved inside an explicit transaction (BeginTransactionAsync … CommitAsync), "
                + "so they are sealed into the chain as that transaction commits.");
        }

        foreach (var entry in unsealed)
        {
            entry.State = EntityState.Detached;
        }

        var events = unsealed.Select(e => e.Entity).ToList();
        _held.GetOrCreateValue(db.Database.GetDbConnection()).Add(events);
        _heldBySave.AddOrUpdate(db, events);
    }

    private async Task SealAsync(SkedDbContext db, DbTransaction transaction, List<AuditEvent> events, CancellationToken cancellationToken)
    {
        // A second context on the same connection and transaction, so the committing context's own
        // change tracker is left as it is.
        await using var sealing = await SharedConnection.OpenAsync(db, transaction.Connection!, transaction, cancellationToken);
        var head = await LockHeadAsync(sealing, cancellationToken);
        var today = JalaliDate.LocalDate(time.GetUtcNow());
        KeepCheckpoint(sealing, head, today);
        using var linker = chain.CreateLinker();
        foreach (var audit in events.OrderBy(a => a.CreationOrder))
        {
            audit.At = AuditChain.Normalize(audit.At);
            audit.Seq = head.Seq + 1;
            audit.Hash = linker.Link(head.Hash, audit);
            head.Seq = audit.Seq;
            head.Hash = audit.Hash;
            head.At = audit.At;
            sealing.AuditEvents.Add(audit);
        }

        head.SealedOn = head.SealedOn > today ? head.SealedOn : today;
        await sealing.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the head and, on PostgreSQL, locks its row until the transaction ends, so sealing
    /// transactions queue in commit order. SQLite needs no lock: its transactions begin IMMEDIATE,
    /// which already serialises writers.
    /// </summary>
    internal static async Task<AuditChainHead> LockHeadAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? """SELECT * FROM audit_chain_head WHERE "Id" = 1 FOR UPDATE"""
            : """SELECT * FROM audit_chain_head WHERE "Id" = 1""";
        var rows = await db.ChainHead.FromSqlRaw(sql).ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException("The audit_chain_head row is missing: the database is not migrated.");
    }

    private static void KeepCheckpoint(SkedDbContext db, AuditChainHead head, DateOnly today)
    {
        if (head.SealedOn is { } day && day < today)
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint { Day = day, Seq = head.Seq, Hash = head.Hash, At = head.At });
        }
    }

    // Events this SaveChanges inserts that no seal has touched (a sealed one is on its way in from SealAsync).
    // No entity has a navigation to audit events, so only Add tracks one: the scan for changes that
    // Entries() would start (over every tracked row, and SaveChanges scans again right after) finds none.
    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditEvent>> Unsealed(SkedDbContext db)
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The events a connection's open transaction has saved and not yet sealed, in save order.</summary>
    private sealed class HeldEvents
    {
        private readonly List<AuditEvent> _events = [];

        public int Count
        {
            get
            {
                lock (_events)
                {
                    return _events.Count;
                }
            }
        }

        public void Add(IEnumerable<AuditEvent> events)
        {
            lock (_events)
            {
                _events.AddRange(events);
            }
        }

        public void Remove(IReadOnlyCollection<AuditEvent> events)
        {
            lock (_events)
            {
                _events.RemoveAll(events.Contains);
            }
        }

        public List<AuditEvent> TakeAll()
        {
            lock (_events)
            {
                var all = _events.ToList();
                _events.Clear();
                return all;
            }
        }
    }
}
