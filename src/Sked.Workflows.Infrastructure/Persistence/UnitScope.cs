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

    internal UnitScope(SkedDbContext db, DateTimeOffset now)
    {
        Db = db;
        Now = now;
    }

    public SkedDbContext Db { get; }

    /// <summary>One clock reading for the whole unit.</summary>
    public DateTimeOffset Now { get; }

    internal bool Kept { get; private set; }

    /// <summary>Writes the unit's changes into the shared transaction; they become durable when it commits.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        Kept = true;
    }

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    internal void Committed()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }
    }
}
