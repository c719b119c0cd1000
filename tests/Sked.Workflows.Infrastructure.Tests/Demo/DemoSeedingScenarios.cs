using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Demo;

/// <summary>Demo data written after start-up is what the engine writes: trackable cases in various states, a whole audit chain.</summary>
public abstract class DemoSeedingScenarios(TestDatabases databases, Store store)
{
    private const int Cases = 40;

    [Fact]
    public async Task AFreshDemoDatabase_HoldsTrackableCasesInVariousStates_AndAChainThatVerifies()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store),
            settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["Demo:Cases"] = Cases.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        // The cases are written just after the app starts serving.
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        await Eventually.GetAsync(
            async () => await db.Cases.AsNoTracking().CountAsync() == Cases ? "written" : null, TimeSpan.FromSeconds(120), "the demo cases");
        // The last cases are still being moved on when the count is reached; the seeder's last act spreads
        // the cases over past months (a day or more back), so from then on nothing moves.
        var dayAgo = app.Service<TimeProvider>().GetUtcNow().AddDays(-1);
        var cases = await Eventually.GetAsync(
            async () => await db.Cases.AsNoTracking().ToListAsync() is var all && all.Exists(c => c.CreatedAt < dayAgo) ? all : null,
            TimeSpan.FromSeconds(120), "the demo history");
        var openTasks = await db.Tasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed).ToListAsync();
        Assert.Equal(Cases, cases.Count);
        Assert.Equal(Cases, cases.Select(c => c.TrackingCode).Distinct().Count());
        Assert.Contains(cases, c => CaseStatuses.IsFinal(c.Status));
        Assert.Contains(cases, c => !CaseStatuses.IsFinal(c.Status));
        // A case still under way waits at exactly one task; an answered one at none.
        Assert.All(cases, c => Assert.Equal(CaseStatuses.IsFinal(c.Status) ? 0 : 1, openTasks.Count(t => t.CaseId == c.Id)));
        var tracked = await CaseApi.TrackAsync(app.Anonymous(), cases[^1].TrackingCode);
        Assert.Equal(cases[^1].Status, tracked["status"]!.GetValue<string>());

        // The outbox may go on writing notification.sent events meanwhile; the chain holds at least what seeding wrote.
        var written = await db.AuditEvents.CountAsync();
        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
        Assert.True(chain.Events >= written, $"{chain.Events} events verified, {written} written");
    }
}

public sealed class DemoSeedingOnSqlite(TestDatabases databases) : DemoSeedingScenarios(databases, Store.Sqlite);

public sealed class DemoSeedingOnPostgres(TestDatabases databases) : DemoSeedingScenarios(databases, Store.Postgres);
