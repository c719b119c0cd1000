using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Timers;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Engine;

/// <summary>Restarts, timers, failures and new definition versions, on each store.</summary>
public abstract class DurabilityScenarios(TestDatabases databases, Store store)
{
    private static readonly TimeSpan TimerWait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Restart_WhileTimersArePending_CaseContinuesAndEscalationStillFires()
    {
        var folder = ShortSlaWorkflows();
        var database = await databases.CreateAsync(store);
        string code;
        await using (var first = await TestApp.StartAsync(database, folder))
        {
            code = await RouteComplaintAsync(first, "billing");
        }

        await using var second = await TestApp.StartAsync(database, folder);
        var head = await second.LoginAsync("head.billing");
        var escalated = await Eventually.GetAsync(
            async () => (await CaseApi.TasksAsync(head, "available")).FirstOrDefault(t => t["trackingCode"]!.GetValue<string>() == code && t["candidateRole"]!.GetValue<string>() == "DepartmentHead"),
            TimerWait, "the task to be handed to the department head");

        var history = await CaseApi.HistoryAsync(await second.LoginAsync("auditor"), code);
        var types = history.Select(e => e["type"]!.GetValue<string>()).ToList();
        Assert.True(types.IndexOf("escalation.reminded") < types.IndexOf("escalation.reassigned"), string.Join(", ", types));
        Assert.Equal("escalated", (await CaseApi.TrackAsync(second.Anonymous(), code))["status"]!.GetValue<string>());

        var done = await CaseApi.CompleteAsync(head, escalated["id"]!.GetValue<string>(), "answer", new { answer = "مدیر واحد پاسخ داد." });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal("مدیر واحد پاسخ داد.", (await CaseApi.TrackAsync(second.Anonymous(), code))["answer"]!["text"]!.GetValue<string>());
        var chain = await second.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"the audit chain is broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task TimersLeasedByANodeThatDied_AreFiredByTheNextNodeWhenTheLeaseRunsOut()
    {
        var folder = ShortSlaWorkflows();
        var database = await databases.CreateAsync(store);
        string code;
        await using (var first = await TestApp.StartAsync(database, folder))
        {
            code = await RouteComplaintAsync(first, "billing");
            // As if the node had leased the case's timers and died before firing them: their lease
            // still runs when the next node starts.
            await using var db = await first.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            var pending = await db.Timers.Where(t => t.Status == TimerStatus.Pending).ToListAsync();
            Assert.NotEmpty(pending);
            foreach (var timer in pending)
            {
                db.Entry(timer).Property(DueTimerPoller.LeaseColumn).CurrentValue = TimeProvider.System.GetUtcNow().AddSeconds(8);
            }

            await db.SaveChangesAsync();
        }

        await using var second = await TestApp.StartAsync(database, folder);
        var auditor = await second.LoginAsync("auditor");
        await Eventually.GetAsync(
            async () => (await CaseApi.HistoryAsync(auditor, code)).FirstOrDefault(e => e["type"]!.GetValue<string>() == "escalation.reassigned"),
            TimerWait, "the escalation timer leased by the dead node to fire after its lease");
    }

    [Fact]
    public async Task FailingNode_BecomesAnIncidentAfterItsAttempts_KeepsTheCase_AndCanBeRetried()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "complaint", InsertUnmatchableDecision);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), folder, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Engine:MaxAttempts"] = "2",
            ["Engine:RetryDelays:0"] = "00:00:01",
        });
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        Assert.Equal("received", (await CaseApi.TrackAsync(app.Anonymous(), code))["status"]!.GetValue<string>());

        var admin = await app.LoginAsync("admin");
        var incident = await Eventually.GetAsync(
            async () => (await admin.GetFromJsonAsync<JsonArray>("/api/v1/incidents"))!
                .FirstOrDefault(i => i!["trackingCode"]!.GetValue<string>() == code && i["status"]!.GetValue<string>() == "incident"),
            TimerWait, "the instance to become an incident");
        Assert.Equal(2, incident["attempts"]!.GetValue<int>());
        Assert.Equal("gate", incident["nodeId"]!.GetValue<string>());

        var retry = await admin.PostAsync($"/api/v1/incidents/{incident["instanceId"]}/retry", null);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        var types = (await CaseApi.HistoryAsync(await app.LoginAsync("auditor"), code)).Select(e => e["type"]!.GetValue<string>()).ToList();
        // The retry runs the node again at once; that attempt fails and schedules its own timed retry,
        // which may already have fired by now, so only what led up to the retry is counted exactly.
        var retried = types.IndexOf("incident.retried");
        Assert.True(retried >= 0, string.Join(", ", types));
        Assert.Equal(1, types.Take(retried).Count(t => t == "incident.raised"));
        Assert.Equal(2, types.Take(retried).Count(t => t == "node.failed"));
        Assert.Contains("node.failed", types.Skip(retried + 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAsync("edesk")).GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Fact]
    public async Task ChangedDefinitionFile_BecomesANewVersion_AndARunningCaseStaysOnItsOwn()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        var database = await databases.CreateAsync(store);
        string before;
        await using (var first = await TestApp.StartAsync(database, folder))
        {
            before = await CaseApi.SubmitAsync(first.Anonymous(), CaseApi.Complaint());
        }

        WorkflowFolder.Edit(folder, "complaint", d => WorkflowFolder.Node(d, "edesk-review")["properties"]!["title"] = "بررسی میز خدمت (نسخه دوم)");
        await using (await TestApp.StartAsync(database, folder))
        {
            // Started once more with the same files: no third version.
        }

        await using var app = await TestApp.StartAsync(database, folder);
        var workflows = await (await app.LoginAsync("process-owner")).GetFromJsonAsync<JsonArray>("/api/v1/workflows");
        var complaint = workflows!.Single(w => w!["id"]!.GetValue<string>() == "complaint")!;
        Assert.Equal(2, complaint["latestVersion"]!.GetValue<int>());
        Assert.Equal(2, complaint["versions"]!.AsArray().Count);

        var after = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        Assert.Equal("بررسی میز خدمت (نسخه دوم)", (await CaseApi.TaskForAsync(edesk, after))!["title"]!.GetValue<string>());
        Assert.NotEqual("بررسی میز خدمت (نسخه دوم)", (await CaseApi.TaskForAsync(edesk, before))!["title"]!.GetValue<string>());

        await new CaseDriver(app).DriveAsync(before);
        Assert.Equal("answered", (await CaseApi.TrackAsync(app.Anonymous(), before))["status"]!.GetValue<string>());
        var auditor = await app.LoginAsync("auditor");
        Assert.All(await CaseApi.HistoryAsync(auditor, before), e => Assert.Equal(1, e["definitionVersion"]!.GetValue<int>()));
        Assert.All(await CaseApi.HistoryAsync(auditor, after), e => Assert.Equal(2, e["definitionVersion"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AuditEvents_AreRefusedAnUpdateOrADelete_ByTheDatabase()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await app.OutboxDrainedAsync();
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var count = await db.AuditEvents.CountAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Actor\" = 'someone-else'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events"));

        Assert.Equal(count, await db.AuditEvents.CountAsync());
        Assert.DoesNotContain(await db.AuditEvents.Select(a => a.Actor).ToListAsync(), a => a == "someone-else");
    }

    /// <summary>Complaint with a department step that reminds after 2 s and goes to the head after 4 s.</summary>
    private string ShortSlaWorkflows()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "complaint", d =>
        {
            var properties = WorkflowFolder.Node(d, "department-answer")["properties"]!.AsObject();
            properties["sla"] = "PT4S";
            properties["escalation"] = new JsonArray(
                new JsonObject { ["after"] = "PT2S", ["action"] = "remind" },
                new JsonObject { ["after"] = "PT4S", ["action"] = "reassignToHead" });
        });
        return folder;
    }

    /// <summary>Puts a decision that nothing can satisfy between intake and the first notification.</summary>
    private static void InsertUnmatchableDecision(JsonObject definition)
    {
        definition["nodes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "gate",
            ["type"] = "decision",
            ["properties"] = new JsonObject
            {
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["when"] = new JsonArray(new JsonObject { ["field"] = "case.category", ["op"] = "equals", ["value"] = "never" }),
                    ["outcome"] = "go",
                }),
            },
        });
        var fromIntake = definition["connections"]!.AsArray().Select(c => c!.AsObject()).Single(c => c["from"]!.GetValue<string>() == "intake");
        var next = fromIntake["to"]!.GetValue<string>();
        fromIntake["to"] = "gate";
        definition["connections"]!.AsArray().Add(new JsonObject { ["from"] = "gate", ["outcome"] = "go", ["to"] = next });
    }

    private static async Task<string> RouteComplaintAsync(TestApp app, string department)
    {
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!;
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review["id"]!.GetValue<string>(), "route", new { department })).StatusCode);
        return code;
    }
}

public sealed class DurabilityOnSqlite(TestDatabases databases) : DurabilityScenarios(databases, Store.Sqlite);

public sealed class DurabilityOnPostgres(TestDatabases databases) : DurabilityScenarios(databases, Store.Postgres);
