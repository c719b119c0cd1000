using System.Net;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>Claims, completions and signals that race or repeat, on each store.</summary>
public abstract class TaskConcurrencyScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task TwoColleaguesClaimAtOnce_ExactlyOneWins_AndTheOtherGets409()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var staff = await app.LoginAsync("staff.billing");
        var head = await app.LoginAsync("head.billing");
        for (var round = 0; round < 5; round++)
        {
            var taskId = await DepartmentTaskAsync(app, "billing");
            var claims = await Task.WhenAll(CaseApi.ClaimAsync(staff, taskId), CaseApi.ClaimAsync(head, taskId));
            var codes = claims.Select(c => c.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], codes);
        }
    }

    [Fact]
    public async Task ReleasedTask_GoesBackToTheQueue_AndAColleagueCanTakeIt()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var taskId = await DepartmentTaskAsync(app, "legal");
        var holder = await app.LoginAsync("staff.legal");
        var colleague = await app.LoginAsync("head.legal");
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.ClaimAsync(holder, taskId)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CaseApi.ClaimAsync(colleague, taskId)).StatusCode);
        Assert.DoesNotContain(await CaseApi.TasksAsync(colleague, "available"), t => t["id"]!.GetValue<string>() == taskId);

        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsync($"/api/v1/tasks/{taskId}/release", null)).StatusCode);

        Assert.Contains(await CaseApi.TasksAsync(colleague, "available"), t => t["id"]!.GetValue<string>() == taskId);
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.ClaimAsync(colleague, taskId)).StatusCode);
        Assert.Contains(await CaseApi.TasksAsync(colleague, "mine"), t => t["id"]!.GetValue<string>() == taskId);
    }

    [Fact]
    public async Task CompletingACompletedTask_Returns409_AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var task = (await CaseApi.TaskForAsync(edesk, code))!;
        var id = task["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, id, "route", new { department = "billing" })).StatusCode);
        // Notifications record themselves in the history after their own commit; let them before counting.
        await app.OutboxDrainedAsync();
        var eventsBefore = await CountAsync(app, db => db.AuditEvents.CountAsync());
        var tasksBefore = await CountAsync(app, db => db.Tasks.CountAsync());

        var again = await CaseApi.CompleteAsync(edesk, id, "reject", new { reason = "تکراری" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(eventsBefore, await CountAsync(app, db => db.AuditEvents.CountAsync()));
        Assert.Equal(tasksBefore, await CountAsync(app, db => db.Tasks.CountAsync()));
        Assert.Equal("referred", (await CaseApi.TrackAsync(app.Anonymous(), code))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentCompletions_OfOneTask_AdvanceTheCaseOnce()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var id = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CaseApi.CompleteAsync(edesk, id, "route", new { department = "billing" })));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, await CountAsync(app, db => db.Tasks.CountAsync(t => t.TrackingCode == code)));
        // The losers were retried and refused: their sealed events rolled back with them, the chain has no hole.
        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"the audit chain is broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task ATaskOfAnotherDepartment_CannotBeClaimedOrCompleted_403()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var taskId = await DepartmentTaskAsync(app, "billing");
        var outsider = await app.LoginAsync("staff.metering");

        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.ClaimAsync(outsider, taskId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.CompleteAsync(outsider, taskId, "answer", new { answer = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.ClaimAsync(await app.LoginAsync("auditor"), taskId)).StatusCode);
        Assert.Null(await CaseApi.TaskForAsync(outsider, (await CaseApi.TasksAsync(await app.LoginAsync("staff.billing"), "available"))[0]["trackingCode"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CaseApi.ClaimAsync(app.Anonymous(), taskId)).StatusCode);
    }

    [Fact]
    public async Task ATimerDeliveredTwice_EscalatesOnce()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var taskId = await DepartmentTaskAsync(app, "billing");
        // The ladder is remind (step 0), reassign to the head at the deadline (1), tell the CEO office past it (2).
        var timers = await CountAsync(app, db => db.Timers
            .Where(t => t.TaskId == Guid.Parse(taskId) && t.Kind == TimerKind.Escalation && t.Step == 1)
            .Select(t => t.Id).ToListAsync());
        var reassign = timers[0];
        var fireTimer = app.Service<FireTimer>();

        await Task.WhenAll(
            fireTimer.HandleAsync(reassign, CancellationToken.None),
            fireTimer.HandleAsync(reassign, CancellationToken.None),
            fireTimer.HandleAsync(reassign, CancellationToken.None));

        var escalations = await CountAsync(app, db => db.AuditEvents.CountAsync(e => e.Type == "escalation.reassigned"));
        Assert.Equal(1, escalations);
        var headQueue = await CaseApi.TasksAsync(await app.LoginAsync("head.billing"), "available");
        Assert.Single(headQueue, t => t["id"]!.GetValue<string>() == taskId && t["candidateRole"]!.GetValue<string>() == "DepartmentHead");
        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"the audit chain is broken at {chain.FirstBroken}");
    }

    /// <summary>Submits a complaint and routes it, so it waits in the department's queue.</summary>
    private static async Task<string> DepartmentTaskAsync(TestApp app, string department)
    {
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!;
        var routed = await CaseApi.CompleteAsync(edesk, review["id"]!.GetValue<string>(), "route", new { department });
        Assert.Equal(HttpStatusCode.NoContent, routed.StatusCode);
        return (await CaseApi.TaskForAsync(await app.LoginAsync($"staff.{department}"), code))!["id"]!.GetValue<string>();
    }

    private static async Task<T> CountAsync<T>(TestApp app, Func<SkedDbContext, Task<T>> query)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

public sealed class TaskConcurrencyOnSqlite(TestDatabases databases) : TaskConcurrencyScenarios(databases, Store.Sqlite);

public sealed class TaskConcurrencyOnPostgres(TestDatabases databases) : TaskConcurrencyScenarios(databases, Store.Postgres);
