using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Benchmarks.Similarity;

/// <summary>
/// Builds the case index of a bulk-filled store in one pass, as the app's rebuild would but faster: the cases
/// keyset-paged by id with their tasks (<see cref="CaseTasks"/>), the documents made by the app's own
/// <see cref="CaseDocuments.Of"/> on every core into one writer, and one commit marked complete for this database,
/// so the app started on the folder takes it as it is instead of rebuilding it in the background.
/// </summary>
internal static class BulkCaseIndex
{
    private const int Batch = 10_000;

    /// <summary>The number of cases indexed; null when the folder already holds a complete index of this database in today's format.</summary>
    public static async Task<int?> BuildAsync(IDbContextFactory<SkedDbContext> factory, DatabaseOptions database, string folder)
    {
        // Writing needs no synonyms: documents hold their words unfolded, and searches fold them.
        using var index = new CaseIndex(folder, new CurrentSynonyms(factory));
        if (index.Open() is { Complete: true } kept && kept.Database == CaseIndexer.Fingerprint(database))
        {
            return null;
        }

        index.Clear();
        ChainPosition head;
        await using (var db = await factory.CreateDbContextAsync())
        {
            head = ChainPosition.Of(await db.ChainHead.AsNoTracking().ToListAsync());
        }

        var count = 0;
        Guid? after = null;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var cases = await db.Cases.AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Take(Batch).ToListAsync();
            if (cases.Count == 0)
            {
                break;
            }

            var tasks = (await CaseTasks.Of(db, [.. cases.Select(c => c.Id)]).ToListAsync()).ToLookup(t => t.CaseId);
            Parallel.ForEach(cases, c => index.Put([CaseDocuments.Of(c, tasks[c.Id])]));
            count += cases.Count;
            after = cases[^1].Id;
        }

        index.Commit(head, CaseIndexer.Fingerprint(database), complete: true);
        return count;
    }
}
