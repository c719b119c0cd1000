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
/// behind it for their own work. On PostgreSQL the events are linked on the head this process last sealed
/// (<see cref="AuditChainTip"/>), and the lock, the check of that guess and the writes go in one round trip
/// (docs/adr/0006). On PostgreSQL the seals are spread over <paramref name="lanes"/> chains in turn
/// (<see cref="ChainLanes"/>, docs/adr/0007), so a seal waits only for the commit before it on its own lane;
/// SQLite seals on lane 1 alone.
/// </summary>
public sealed class AuditChainSealer(AuditChain chain, TimeProvider time, SqliteStatementCache? statements = null, int lanes = 1)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // On SQLite, the kept-open connections' prepared statements; null on PostgreSQL (and for a sealer built by hand).
    private readonly SqliteStatementCache? _statements = statements;

    // Per lane, the head this process last sealed, for linking the next seal without reading it first (PostgreSQL).
    private readonly AuditChainTip[] _tips = [.. Enumerable.Range(0, Math.Max(1, lanes)).Select(_ => new AuditChainTip())];

    // The seal count, which picks each seal's lane in turn.
    private long _seals;

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
        if (eventData.Context is SkedDbContext && transaction.Connection is { } connection
            && _held.TryGetValue(connection, out var held) && held.Count > 0)
        {
            await SealAsync(transaction, held.TakeAll(), cancellationToken);
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

    /// <summary>
    /// Holds events a unit has just saved its other changes with (<see cref="UnitScope.Audit"/>), for the
    /// seal of the context's open transaction, as a save holds the events it tracks.
    /// </summary>
    public void Hold(SkedDbContext db, IReadOnlyList<AuditEvent> events)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events must be held inside an explicit transaction, so they are sealed as it commits.");
        }

        _held.GetOrCreateValue(db.Database.GetDbConnection()).Add(events);
    }

    private async Task SealAsync(DbTransaction transaction, List<AuditEvent> events, CancellationToken cancellationToken)
    {
        // Plain commands on the committing transaction's connection: the committing context's own change
        // tracker is left as it is, and no EF context is built per commit (ChainStatements).
        var commands = new ChainStatements(transaction, _statements);
        var ordered = events.OrderBy(a => a.CreationOrder).ToList();
        if (!commands.CanSealOnTip)
        {
            await SealOnLockedHeadAsync(commands, ChainLanes.First, ordered, cancellationToken);
            return;
        }

        var lane = (int)((ulong)Interlocked.Increment(ref _seals) % (ulong)_tips.Length) + ChainLanes.First;
        var tip = _tips[lane - ChainLanes.First];
        await tip.Turn.WaitAsync(cancellationToken);
        try
        {
            // Unknown until this seal's statements have run: a seal that throws leaves no guess behind.
            var known = tip.Known;
            tip.Known = null;
            tip.Known = await SealOnTipAsync(commands, lane, known, ordered, cancellationToken);
        }
        finally
        {
            tip.Turn.Release();
        }
    }

    /// <summary>
    /// PostgreSQL: links the events on the head this process last sealed and sends the head's lock, its
    /// update and the events' insert in one round trip, the update and insert written only if the locked
    /// head is still that one. Otherwise (another node sealed since, or the last seal's transaction rolled
    /// back) nothing was written, and the events are linked again on the head now locked. Returns the new head.
    /// </summary>
    private async Task<AuditChainHead> SealOnTipAsync(ChainStatements commands, int lane, AuditChainHead? known, List<AuditEvent> ordered,
        CancellationToken cancellationToken)
    {
        if (known is not { } tip)
        {
            return await SealOnLockedHeadAsync(commands, lane, ordered, cancellationToken);
        }

        var head = tip.Copy();
        var checkpoint = Link(head, ordered);
        var (written, current) = await commands.WriteOnGuessAsync(ordered, tip, head, checkpoint, cancellationToken);
        if (written)
        {
            return head;
        }

        await LinkAndWriteAsync(commands, current, ordered, cancellationToken);
        return current;
    }

    /// <summary>Locks and reads a lane's head, then links the events on it and writes them (ADR 0003); returns the new head.</summary>
    private async Task<AuditChainHead> SealOnLockedHeadAsync(ChainStatements commands, int lane, List<AuditEvent> ordered,
        CancellationToken cancellationToken)
    {
        var head = await commands.LockHeadAsync(lane, cancellationToken);
        await LinkAndWriteAsync(commands, head, ordered, cancellationToken);
        return head;
    }

    private async Task LinkAndWriteAsync(ChainStatements commands, AuditChainHead head, List<AuditEvent> ordered, CancellationToken cancellationToken)
    {
        var checkpoint = Link(head, ordered);
        await commands.WriteAsync(ordered, head, checkpoint, cancellationToken);
    }

    /// <summary>
    /// Gives each event the next Seq and its hash on <paramref name="head"/>, in the order the code wrote them, and
    /// moves the head past them; returns the closed day's checkpoint when this is the first seal of a new day.
    /// </summary>
    private AuditCheckpoint? Link(AuditChainHead head, List<AuditEvent> ordered)
    {
        var today = JalaliDate.LocalDate(time.GetUtcNow());
        var checkpoint = head.SealedOn is { } day && day < today
            ? new AuditCheckpoint { Lane = head.Id, Day = day, Seq = head.Seq, Hash = head.Hash, At = head.At }
            : null;
        using (var linker = chain.CreateLinker())
        {
            foreach (var audit in ordered)
            {
                audit.At = AuditChain.Normalize(audit.At);
                audit.Seq = head.Seq + 1;
                audit.Hash = linker.Link(head.Hash, audit);
                head.Seq = audit.Seq;
                head.Hash = audit.Hash;
                head.At = audit.At;
            }
        }

        head.SealedOn = head.SealedOn > today ? head.SealedOn : today;
        return checkpoint;
    }

    // Events this SaveChanges inserts that no seal has touched (the sealer writes its own rows without EF).
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
