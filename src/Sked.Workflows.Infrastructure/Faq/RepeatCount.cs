using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Faq;

/// <summary>
/// Adds one repeat to an FAQ entry, for the e-desk's confirmation and the workflow's automatic count alike.
/// </summary>
public static class RepeatCount
{
    /// <summary>
    /// Adds one repeat in one statement, so two transactions counting at once are both counted; the row stays
    /// locked until commit, and the entry is read again under that lock, so its repeats and alternatives are the
    /// latest when they are written and audited. An entry made in this unit is counted in memory; one this unit
    /// already changed (and so already read under the lock) keeps its changes and counts the repeat in memory too.
    /// </summary>
    public static async Task AddOneAsync(SkedDbContext db, FaqEntry entry, CancellationToken cancellationToken)
    {
        var state = db.Entry(entry).State;
        if (state == EntityState.Added)
        {
            entry.Repeats++;
            return;
        }

        await db.Faq.Where(f => f.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Repeats, f => f.Repeats + 1), cancellationToken);
        if (state == EntityState.Unchanged)
        {
            await db.Entry(entry).ReloadAsync(cancellationToken);
        }
        else
        {
            entry.Repeats++;
        }
    }
}
