using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Search;

/// <summary>
/// The inbox's text search takes its candidates from the case index in the list's due-date order: SQL still
/// decides what a member sees, and a long list pages as the list without words does, by number and by cursor.
/// </summary>
public abstract class InboxSearchOrderScenarios(TestDatabases databases, Store store)
{
    private static readonly StaffMember EDesk = new("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);

    [Fact]
    public async Task ATaskMovedToAnotherQueue_AfterTheIndexSawIt_IsNotShown()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var meter = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint("کنتور برق خانه خراب شده است"));
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint("تیر برق کوچه کج شده"));
        await CaseIndexProbe.CaughtUpAsync(app);
        var lists = app.Service<ListTasks.Handler>();
        var before = await lists.HandleAsync(new InboxRequest(InboxScope.Available) { Search = "کنتور" }, EDesk, CancellationToken.None);

        // Moved behind the index's back: no audit event, so the index still holds the case in the e-desk's list.
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            await db.Tasks.Where(t => t.TrackingCode == meter)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CandidateRole, Roles.Department).SetProperty(t => t.Department, "billing"));
        }

        var after = await lists.HandleAsync(new InboxRequest(InboxScope.Available) { Search = "کنتور" }, EDesk, CancellationToken.None);

        Assert.Equal([meter], before.Rows.Select(r => r.TrackingCode));
        Assert.Equal(1, app.Service<CaseIndex>().InListOrder("کنتور", [CaseListKeys.Open(Roles.EDesk, null)], true, 0, 10, ListTasks.CountCap + 1)!.Total);
        Assert.Empty(after.Rows);
        Assert.Equal(0, after.Total);
    }

    [Fact]
    public async Task MoreThanAThousandMatches_PageInTheQueuesOrder_ByNumberAndByCursor() => await PagesInTheQueuesOrderAsync(TimeSpan.FromMinutes(1));

    // The index counts to 1,001 and sorts only the cases that come first by the page's day: due dates over a month take several days' cases.
    [Fact]
    public async Task MoreThanAThousandMatchesOverAMonth_PageInTheQueuesOrder_ByNumberAndByCursor() => await PagesInTheQueuesOrderAsync(TimeSpan.FromHours(2));

    private async Task PagesInTheQueuesOrderAsync(TimeSpan apart)
    {
        var database = await databases.CreateAsync(store);
        await using (var filler = await TestApp.StartAsync(database))
        {
            await OpenEDeskTasksAsync(filler, 1100, 60, apart);
        }

        // A new app has a new index folder: it indexes the tasks written straight into the tables.
        await using var app = await TestApp.StartAsync(database);
        await CaseIndexProbe.CaughtUpAsync(app);
        var lists = app.Service<ListTasks.Handler>();
        List<InboxRow> queue = [];
        for (var page = 0; queue.Count % 200 == 0; page++)
        {
            var rows = (await lists.HandleAsync(new InboxRequest(InboxScope.Available, page, 200), EDesk, CancellationToken.None)).Rows;
            queue.AddRange(rows);
            if (rows.Count == 0)
            {
                break;
            }
        }

        var expected = queue.Where(r => r.Subject.StartsWith("کنتور", StringComparison.Ordinal)).Select(r => r.TaskId).ToList();
        var first = await lists.HandleAsync(new InboxRequest(InboxScope.Available) { Search = "کنتور خراب" }, EDesk, CancellationToken.None);
        var second = await lists.HandleAsync(new InboxRequest(InboxScope.Available) { Search = "کنتور خراب", After = first.Next }, EDesk, CancellationToken.None);
        var tenth = await lists.HandleAsync(new InboxRequest(InboxScope.Available, 9) { Search = "کنتور خراب" }, EDesk, CancellationToken.None);
        var last = await lists.HandleAsync(new InboxRequest(InboxScope.Available, 43) { Search = "کنتور خراب" }, EDesk, CancellationToken.None);

        Assert.Equal(1100, expected.Count);
        Assert.Equal(expected.Take(25), first.Rows.Select(r => r.TaskId));
        Assert.Equal(expected.Skip(25).Take(25), second.Rows.Select(r => r.TaskId));
        Assert.Equal(expected.Skip(225).Take(25), tenth.Rows.Select(r => r.TaskId));
        Assert.Equal(expected.Skip(1075), last.Rows.Select(r => r.TaskId));
        Assert.Equal(ListTasks.CountCap, first.Total);
        Assert.True(first.MoreThanTotal);
    }

    // Written straight into the tables (a list that long would take minutes through the API), due dates not in the order written.
    private static async Task OpenEDeskTasksAsync(TestApp app, int matching, int others, TimeSpan apart)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var version = await db.DefinitionVersions.Where(d => d.DefinitionId == CaseTypes.Complaint).MaxAsync(d => d.Version);
        var now = TimeProvider.System.GetUtcNow();
        var count = matching + others;
        for (var i = 0; i < count; i++)
        {
            var code = $"9{i:0000000000000}";
            var subject = i < matching ? $"کنتور خراب شماره {i}" : $"تیر برق کج شماره {i}";
            var @case = new CaseFile { TrackingCode = code, Type = CaseTypes.Complaint, Subject = subject, Body = "متن", Status = "in-review", CreatedAt = now };
            var instance = new WorkflowInstance { CaseId = @case.Id, DefinitionId = CaseTypes.Complaint, DefinitionVersion = version, StartedAt = now, UpdatedAt = now };
            db.AddRange(@case, instance, new HumanTask
            {
                InstanceId = instance.Id, CaseId = @case.Id, TrackingCode = code, CaseType = CaseTypes.Complaint, NodeId = "edesk-review",
                Title = "بررسی میز خدمت", CandidateRole = Roles.EDesk, CreatedAt = now,
                // Some share a due date (ties go by id), some have none (first on SQLite, last on PostgreSQL).
                DueAt = i % 50 == 7 ? null : now + apart * (i * 7919 % 400),
            });
        }

        await db.SaveChangesAsync();
    }
}

public sealed class InboxSearchOrderOnSqlite(TestDatabases databases) : InboxSearchOrderScenarios(databases, Store.Sqlite);

public sealed class InboxSearchOrderOnPostgres(TestDatabases databases) : InboxSearchOrderScenarios(databases, Store.Postgres);
