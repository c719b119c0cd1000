using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The synonym table, cached: every analysis of a question or a search reads it, and it changes only when
/// staff edit it (<see cref="SynonymEditor"/>, then <see cref="ReloadAsync"/>) or another node did
/// (<see cref="Cluster.VersionFollower"/>). A database without a table starts with the groups shipped in PersianTerms.txt.
/// </summary>
public sealed class CurrentSynonyms(IDbContextFactory<SkedDbContext> dbFactory) : Cluster.IFollowedData
{
    private volatile SynonymTable _table = SynonymTable.Shipped;

    public SynonymTable Table => _table;

    public string Name => "synonym table";

    public int LoadedVersion => _table.Version;

    public async Task<int?> StoredVersionAsync(SkedDbContext db, CancellationToken cancellationToken) =>
        await db.SynonymVersion.AsNoTracking().MaxAsync(v => (int?)v.Version, cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _table = await LoadAsync(db, cancellationToken);
    }

    /// <summary>The table as the rows in <paramref name="db"/> have it; the shipped one before the database is seeded.</summary>
    public static async Task<SynonymTable> LoadAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.SynonymVersion.AsNoTracking().Select(v => (int?)v.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return SynonymTable.Shipped;
        }

        var groups = await db.SynonymGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Words).ToListAsync(cancellationToken);
        return new SynonymTable(groups, version.Value);
    }

    /// <summary>On a database without a synonym table (new, or older than the table): the shipped groups, version 1, written by the system.</summary>
    public static async Task SeedAsync(SkedDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.SynonymVersion.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SynonymVersion.Add(new SynonymVersion { Version = 1 });
        db.SynonymGroups.AddRange(SynonymTable.Shipped.Groups.Select(g => new SynonymGroup { Words = [.. g], UpdatedAt = now, UpdatedBy = Domain.Staff.Actor.SystemName }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment seeded it first (SaveChanges is one transaction, so nothing of ours was kept).
            db.ChangeTracker.Clear();
            if (!await db.SynonymVersion.AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }
}
