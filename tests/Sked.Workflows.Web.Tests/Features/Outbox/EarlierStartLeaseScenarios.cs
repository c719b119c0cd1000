using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Outbox;

/// <summary>
/// Issue 16, defect 9: a node killed with -9 leaves the messages it had leased; started again, it takes them
/// back at once (counting an attempt, since they may have gone out) instead of after the two-minute lease.
/// On PostgreSQL a lease of another node's name is left alone: that node may be alive.
/// </summary>
public abstract class EarlierStartLeaseScenarios(TestDatabases databases, Store store)
{
    private static readonly Dictionary<string, string> NodeA = new(StringComparer.Ordinal) { ["Cluster:NodeName"] = "node-a" };

    [Fact]
    public async Task ARestartedNode_SendsWhatItsKilledStartHadLeased_AtOnce()
    {
        var database = await databases.CreateAsync(store);
        await using (await TestApp.StartAsync(database, settings: NodeA))
        {
            // The database exists; what follows is what a start killed mid-batch leaves behind.
        }

        var ours = await LeftLeasedAsync(database, "node-a/0badc0de0bad/batch");
        var another = store == Store.Postgres ? await LeftLeasedAsync(database, "node-b/0badc0de0bad/batch") : (Guid?)null;

        await using var app = await TestApp.StartAsync(database, settings: NodeA);
        var factory = app.Service<IDbContextFactory<SkedDbContext>>();
        var sent = await Eventually.GetAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == ours) is { Status: OutboxStatus.Done } done ? done : null;
        }, TimeSpan.FromSeconds(20), "the message the killed start had leased to be sent, well before its lease runs out");
        Assert.Equal(1, sent.Attempts);

        if (another is { } alive)
        {
            await using var db = await factory.CreateDbContextAsync();
            var left = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == alive);
            Assert.Equal((OutboxStatus.Pending, "node-b/0badc0de0bad/batch", 0), (left.Status, left.LockedBy, left.Attempts));
        }
    }

    private static async Task<Guid> LeftLeasedAsync(DatabaseTarget database, string owner)
    {
        await using var db = AuditChecks.OpenDatabase(database);
        var now = TimeProvider.System.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = OutboxKinds.Staff,
            Payload = "{}",
            CreatedAt = now,
            AvailableAt = now,
            LockedBy = owner,
            LockedUntil = now.AddMinutes(2),
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}

public sealed class EarlierStartLeaseOnSqlite(TestDatabases databases) : EarlierStartLeaseScenarios(databases, Store.Sqlite);

public sealed class EarlierStartLeaseOnPostgres(TestDatabases databases) : EarlierStartLeaseScenarios(databases, Store.Postgres);
