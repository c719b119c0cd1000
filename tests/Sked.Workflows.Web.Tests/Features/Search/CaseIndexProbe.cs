using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Search;

/// <summary>Waits until an app's case index holds every case and every change committed so far.</summary>
internal static class CaseIndexProbe
{
    public static async Task CaughtUpAsync(TestApp app)
    {
        var index = app.Service<CaseIndex>();
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var heads = await db.ChainHead.AsNoTracking().ToListAsync();
        await Eventually.GetAsync(() => Task.FromResult(index.IsReady && index.Position.HasRead(heads) ? "caught up" : null),
            TimeSpan.FromSeconds(30), "the case index to catch up");
    }
}
