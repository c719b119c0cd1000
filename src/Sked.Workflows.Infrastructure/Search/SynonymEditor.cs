using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The one way the synonym table changes. The edit runs in a transaction that first moves the table's
/// version (an UPDATE, so two edits at once on PostgreSQL take turns and each sees the other's groups
/// when it checks that no word is in two groups); its audit event is written in the same transaction.
/// Then this node's table is reloaded, so the next search uses it.
/// </summary>
public sealed class SynonymEditor(IDbContextFactory<SkedDbContext> dbFactory, CurrentSynonyms synonyms, TimeProvider time)
{
    /// <summary>What an edit sees: the context, every group as it stands (tracked), the version being written and the instant.</summary>
    public sealed record Edit(SkedDbContext Db, IReadOnlyList<SynonymGroup> Groups, int Version, DateTimeOffset Now);

    /// <summary><paramref name="edit"/> changes the rows and returns what to audit; null means nothing is saved.</summary>
    public async Task<bool> ChangeAsync(Func<Edit, Task<AuditEventData?>> edit, Actor actor, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await db.SynonymVersion.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
            if (moved != 1)
            {
                throw new InvalidOperationException("The synonym table has no version row; the database was not initialised.");
            }

            var version = await db.SynonymVersion.Select(v => v.Version).SingleAsync(cancellationToken);
            var groups = await db.SynonymGroups.OrderBy(g => g.Id).ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            if (await edit(new Edit(db, groups, version, now)) is not { } data)
            {
                return false;
            }

            db.AuditEvents.Add(new AuditEvent(data, actor.Name) { At = now, ClientAddress = actor.ClientAddress });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await synonyms.ReloadAsync(cancellationToken);
        return true;
    }
}
