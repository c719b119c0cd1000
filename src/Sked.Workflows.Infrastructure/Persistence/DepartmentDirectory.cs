using Microsoft.EntityFrameworkCore;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// The departments by code, cached: routing, validation and timelines read it on every signal and
/// it changes only when an admin edits it (then <see cref="ReloadAsync"/>).
/// </summary>
public sealed class DepartmentDirectory(IDbContextFactory<SkedDbContext> dbFactory)
{
    private volatile IReadOnlyDictionary<string, string> _byCode = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> ByCode => _byCode;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        _byCode = all.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
    }
}
