using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Persistence;

/// <summary>
/// Units of work that share a group commit: each keeps all or nothing of its own changes, a unit
/// that fails or refuses costs the others nothing, and every kept unit's audit events are chained.
/// </summary>
public abstract class GroupCommitScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task UnitsQueuedTogether_EachKeepItsOwnChanges_AFailingOrRefusingUnitLeavesNothing()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var committer = app.Service<GroupCommitter>();

        // Queued without waiting, so the writer finds them together; unit 7 writes a department
        // code that exists (a key violation), unit 11 refuses (saves nothing).
        var answers = Enumerable.Range(1, 24).Select(i => committer.RunAsync(async scope =>
        {
            var code = i == 7 ? "billing" : $"test-{i}";
            scope.Db.Departments.Add(new Department { Code = code, Name = $"unit {i}" });
            scope.Db.AuditEvents.Add(new AuditEvent(new IdentityRead(code), $"unit-{i}") { At = scope.Now });
            if (i != 11)
            {
                await scope.SaveAsync(CancellationToken.None);
            }

            return i;
        }, () => -1, CancellationToken.None)).ToList();

        var failed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => answers[6]);
        Assert.NotNull(failed);
        Assert.Equal(Enumerable.Range(1, 24).Where(i => i != 7), await Task.WhenAll(answers.Where((_, n) => n != 6)));

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var kept = await db.Departments.Where(d => d.Code.StartsWith("test-")).Select(d => d.Code).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 24).Where(i => i is not 7 and not 11).Select(i => $"test-{i}").Order(StringComparer.Ordinal),
            kept.Order(StringComparer.Ordinal));
        Assert.NotEqual("unit 7", (await db.Departments.SingleAsync(d => d.Code == "billing")).Name);
        var actors = await db.AuditEvents.Where(a => a.Actor.StartsWith("unit-")).Select(a => a.Actor).ToListAsync();
        Assert.Equal(22, actors.Count);
        Assert.DoesNotContain("unit-7", actors);
        Assert.DoesNotContain("unit-11", actors);
        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task AnAfterCommitActionThatThrows_KeepsNoUnitOfItsBatchFromItsAnswer()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var committer = app.Service<GroupCommitter>();

        // Queued without waiting, so the writer finds them together; unit 3's action after the commit throws.
        var answers = Enumerable.Range(1, 8).Select(i => committer.RunAsync(async scope =>
        {
            scope.Db.Departments.Add(new Department { Code = $"after-{i}", Name = $"unit {i}" });
            await scope.SaveAsync(CancellationToken.None);
            scope.AfterCommit(() =>
            {
                if (i == 3)
                {
                    throw new InvalidOperationException("a listener that fails");
                }
            });
            return i;
        }, () => -1, CancellationToken.None)).ToList();

        var all = Task.WhenAll(answers);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(Enumerable.Range(1, 8), await all);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(8, await db.Departments.CountAsync(d => d.Code.StartsWith("after-")));
    }
}

public sealed class GroupCommitOnSqlite(TestDatabases databases) : GroupCommitScenarios(databases, Store.Sqlite);

public sealed class GroupCommitOnPostgres(TestDatabases databases) : GroupCommitScenarios(databases, Store.Postgres);
