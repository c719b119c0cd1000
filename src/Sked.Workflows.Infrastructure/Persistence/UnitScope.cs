using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// What a unit of work sees of the transaction the <see cref="GroupCommitter"/> runs it in: a context
/// of its own, the moment it acts at, and a way to keep its changes. A unit that returns without
/// <see cref="SaveAsync"/> (a refusal) leaves nothing behind. What must happen only once the changes
/// are durable (a reply, a nudge to a background worker) is registered with <see cref="AfterCommit"/>.
/// </summary>
public sealed class UnitScope
{
    private readonly List<Action> _afterCommit = [];
    private readonly AuditChainSealer _sealer;
    private readonly SqliteStatementCache? _statements;
    private List<AuditEvent> _audit = [];
    private List<object>? _newRows;

    internal UnitScope(SkedDbContext db, DateTimeOffset now, AuditChainSealer sealer, SqliteStatementCache? statements)
    {
        Db = db;
        Now = now;
        _sealer = sealer;
        _statements = statements;
    }

    public SkedDbContext Db { get; }

    /// <summary>One clock reading for the whole unit.</summary>
    public DateTimeOffset Now { get; }

    internal bool Kept { get; private set; }

    /// <summary>
    /// Writes the unit's changes into the shared transaction; they become durable when it commits. A unit
    /// that collects its new rows (<see cref="CollectNewRows"/>) has them written with plain statements
    /// (<see cref="NewRowWriter"/>) and forgotten by the context, unless something else it tracks changed:
    /// then everything goes through EF's SaveChanges.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_newRows is null || !await NewRowWriter.TryWriteAsync(Db, _newRows, _statements, cancellationToken))
        {
            TrackNewRows();
            await Db.SaveChangesAsync(cancellationToken);
        }

        _newRows = null;
        Saved();
    }

    /// <summary>
    /// From now on, <see cref="Add"/> keeps new rows aside instead of tracking them, for
    /// <see cref="SaveAsync"/> to write: for a unit that only creates (a case being started),
    /// where EF's attaching and change detection of a dozen new rows cost more than writing them.
    /// </summary>
    public void CollectNewRows() => _newRows ??= [];

    /// <summary>Adds a new row to the unit: tracked by the context, or kept aside when the unit collects them.</summary>
    public void Add(object row)
    {
        if (_newRows is null)
        {
            Db.Add(row);
        }
        else
        {
            _newRows.Add(row);
        }
    }

    /// <summary>The rows of a type this unit added and has not saved yet: those kept aside (the context cannot find them) and those tracked.</summary>
    public IEnumerable<T> NewRows<T>()
        where T : class =>
        KeptAside<T>().Concat(Db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));

    /// <summary>
    /// Only the rows kept aside (none unless the unit collects them). A look-up by key needs no more: the
    /// context's Find sees what it tracks, without the change detection that listing its entries starts.
    /// </summary>
    internal IEnumerable<T> KeptAside<T>()
        where T : class => _newRows?.OfType<T>() ?? [];

    // Rows kept aside go to the context, for a save through EF.
    private void TrackNewRows()
    {
        if (_newRows is { Count: > 0 })
        {
            Db.AddRange(_newRows);
        }
    }

    // The unit's changes are in: its audit events wait for the seal at commit, and it is kept.
    private void Saved()
    {
        if (_audit.Count > 0)
        {
            _sealer.Hold(Db, _audit);
            _audit = [];
        }

        Kept = true;
    }

    /// <summary>
    /// Adds an audit event to the unit's changes without tracking it: the next <see cref="SaveAsync"/>
    /// hands it to the sealer with them, and a unit that never saves drops it. The engine writes a
    /// dozen and more events per step, and tracking each in the change tracker only for the sealer to
    /// detach it again cost more than sealing and inserting it (issue 11).
    /// </summary>
    public void Audit(AuditEvent audit) => _audit.Add(audit);

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>
    /// Runs what waited for the commit. The changes are durable whatever an action does, so one that
    /// throws is handed to <paramref name="failed"/> and the others still run: its exception must not keep
    /// the unit's caller, or the other units of its batch, from their answers.
    /// </summary>
    internal void Committed(Action<Exception> failed)
    {
        foreach (var action in _afterCommit)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                failed(ex);
            }
        }
    }
}
