using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>One query per task list: the API and the inbox pages show the same tasks in the same order; one handler per action.</summary>
public abstract class TaskListScenarios(TestDatabases databases, Store store)
{
    private static readonly StaffMember Billing = new("staff.billing", new HashSet<string>([Roles.Department], StringComparer.Ordinal), "billing", null);
    private static readonly StaffMember BillingHead =
        new("head.billing", new HashSet<string>([Roles.Department, Roles.DepartmentHead], StringComparer.Ordinal), "billing", null);

    [Fact]
    public async Task TheApiAndTheInbox_ListTheSameTasksInTheSameOrder_ForEachList()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        for (var i = 0; i < 6; i++)
        {
            var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint($"قطعی برق شماره {i}"));
            var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).StatusCode);
        }

        var staff = await app.LoginAsync("staff.billing");
        var queue = await CaseApi.TasksAsync(staff, "available");
        Assert.Equal(6, queue.Count);
        foreach (var task in queue.Take(2))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.ClaimAsync(staff, task["id"]!.GetValue<string>())).StatusCode);
        }

        var lists = app.Service<ListTasks.Handler>();
        foreach (var (client, member, scope, list) in new[]
        {
            (staff, Billing, "available", InboxScope.Available),
            (staff, Billing, "mine", InboxScope.Mine),
            (edesk, new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null), "done", InboxScope.Done),
            (await app.LoginAsync("head.billing"), BillingHead, "department", InboxScope.Department),
        })
        {
            var api = (await CaseApi.TasksAsync(client, scope)).Select(t => t["id"]!.GetValue<string>()).ToList();
            var inbox = await lists.HandleAsync(new InboxRequest(list, PageSize: 200), member, CancellationToken.None);

            Assert.NotEmpty(api);
            Assert.Equal(api, inbox.Rows.Select(r => r.TaskId.ToString()).ToList());
            Assert.Equal(inbox.Total, api.Count);
        }
    }

    [Fact]
    public async Task APage_OfTheApi_IsThePageOfTheInbox()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        for (var i = 0; i < 5; i++)
        {
            await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint($"قطعی برق شماره {i}"));
        }

        var edesk = await app.LoginAsync("edesk");
        var member = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);
        var response = await edesk.GetAsync("/api/v1/tasks?scope=available&page=2&pageSize=2");
        var api = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => t!["id"]!.GetValue<string>()).ToList();
        var inbox = await app.Service<ListTasks.Handler>().HandleAsync(new InboxRequest(InboxScope.Available, Page: 1, PageSize: 2), member, CancellationToken.None);

        Assert.Equal(inbox.Rows.Select(r => r.TaskId.ToString()), api);
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task TheApi_PagesOnFromEachPagesCursor_ThroughTheWholeListInTheInboxOrder()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        for (var i = 0; i < 5; i++)
        {
            await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint($"قطعی برق شماره {i}"));
        }

        var edesk = await app.LoginAsync("edesk");
        var pages = new List<List<string>>();
        string? after = null;
        do
        {
            var response = await edesk.GetAsync("/api/v1/tasks?scope=available&pageSize=2" + (after is null ? string.Empty : "&after=" + after));
            pages.Add((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => t!["id"]!.GetValue<string>()).ToList());
            Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
            after = response.Headers.TryGetValues("X-Next-After", out var next) ? next.Single() : null;
        }
        while (after is not null && pages.Count < 10);

        var inbox = await app.Service<ListTasks.Handler>().HandleAsync(new InboxRequest(InboxScope.Available, PageSize: 200), EDesk, CancellationToken.None);
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(inbox.Rows.Select(r => r.TaskId.ToString()), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task AListLongerThanTheCap_IsCountedToTheCap_AndSaysItHoldsMore()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        await OpenEDeskTasksAsync(app, ListTasks.CountCap + 1);
        var edesk = await app.LoginAsync("edesk");

        var response = await edesk.GetAsync("/api/v1/tasks?scope=available&pageSize=3");
        var inbox = await app.Service<ListTasks.Handler>().HandleAsync(new InboxRequest(InboxScope.Available, PageSize: 3), EDesk, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1000", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("true", response.Headers.GetValues("X-Total-Count-Capped").Single());
        Assert.Equal((ListTasks.CountCap, true), (inbox.Total, inbox.MoreThanTotal));
        // The first page is still the earliest due, read from the index's start.
        Assert.Equal(["0000000000000", "0000000000001", "0000000000002"], inbox.Rows.Select(r => r.TrackingCode[1..]));
    }

    [Fact]
    public async Task AnAfterTheApiDidNotHandOut_IsRefused()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");

        var garbled = await edesk.GetAsync("/api/v1/tasks?scope=available&after=not-a-cursor");
        var otherOrder = await edesk.GetAsync($"/api/v1/tasks?scope=available&sort=created&after=-.{Guid.Empty:N}");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (garbled.StatusCode, otherOrder.StatusCode));
        Assert.Contains(Catalogue.Text(TaskListTexts.AfterInvalid), await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTaskPagesHandler_AndTheApi_ClaimAlike_AndRefuseWithTheSameSentence()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        var first = await RoutedTaskAsync(app, edesk);
        var second = await RoutedTaskAsync(app, edesk);
        var claim = app.Service<ClaimTask.Handler>();

        var byPage = await claim.HandleAsync(new ClaimTask.Request(Guid.Parse(first)), Billing, CancellationToken.None);
        var byApi = await CaseApi.ClaimAsync(await app.LoginAsync("staff.billing"), second);

        Assert.Equal(WorkflowResultKind.Ok, byPage.Kind);
        Assert.Equal(HttpStatusCode.NoContent, byApi.StatusCode);
        var mine = (await CaseApi.TasksAsync(await app.LoginAsync("staff.billing"), "mine")).Select(t => t["id"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string>([first, second]), mine);

        var pageRefusal = await claim.HandleAsync(new ClaimTask.Request(Guid.Parse(second)), BillingHead, CancellationToken.None);
        var apiRefusal = await CaseApi.ClaimAsync(await app.LoginAsync("head.billing"), first);
        var problem = (await apiRefusal.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal((WorkflowResultKind.Conflict, WorkflowMessages.TaskTaken), (pageRefusal.Kind, pageRefusal.Message!.Code));
        Assert.Equal(HttpStatusCode.Conflict, apiRefusal.StatusCode);
        Assert.Equal(Catalogue.Render(pageRefusal.Message), problem["title"]!.GetValue<string>());
        Assert.Equal(WorkflowMessages.TaskTaken, problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheHead_AssignsThroughTheApi_ToAMemberOfTheDepartmentOnly()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var task = await RoutedTaskAsync(app, await app.LoginAsync("edesk"));
        var head = await app.LoginAsync("head.billing");

        var outside = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.metering" });
        var foreignHead = await (await app.LoginAsync("head.metering")).PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.metering" });
        var assigned = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.billing" });

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignHead.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        Assert.Contains(await CaseApi.TasksAsync(await app.LoginAsync("staff.billing"), "mine"), t => t["id"]!.GetValue<string>() == task);
    }

    private static readonly StaffMember EDesk = new("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);

    // Written straight into the tables: a list that long would take minutes to submit through the API.
    private static async Task OpenEDeskTasksAsync(TestApp app, int count)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var version = await db.DefinitionVersions.Where(d => d.DefinitionId == CaseTypes.Complaint).MaxAsync(d => d.Version);
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var code = $"9{i:0000000000000}";
            var @case = new CaseFile { TrackingCode = code, Type = CaseTypes.Complaint, Subject = $"شماره {i}", Body = "متن", Status = "in-review", CreatedAt = now };
            var instance = new WorkflowInstance { CaseId = @case.Id, DefinitionId = CaseTypes.Complaint, DefinitionVersion = version, StartedAt = now, UpdatedAt = now };
            db.AddRange(@case, instance, new HumanTask
            {
                InstanceId = instance.Id, CaseId = @case.Id, TrackingCode = code, CaseType = CaseTypes.Complaint, NodeId = "edesk-review",
                Title = "بررسی میز خدمت", CandidateRole = Roles.EDesk, CreatedAt = now, DueAt = now.AddMinutes(i),
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<string> RoutedTaskAsync(TestApp app, HttpClient edesk)
    {
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).StatusCode);
        return (await CaseApi.TaskForAsync(await app.LoginAsync("staff.billing"), code))!["id"]!.GetValue<string>();
    }
}

public sealed class TaskListsOnSqlite(TestDatabases databases) : TaskListScenarios(databases, Store.Sqlite);

public sealed class TaskListsOnPostgres(TestDatabases databases) : TaskListScenarios(databases, Store.Postgres);
