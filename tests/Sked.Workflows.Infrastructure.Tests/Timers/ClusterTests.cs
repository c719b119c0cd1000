using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Timers;

/// <summary>Two app nodes on one PostgreSQL database: the clustered scheduler fires each timer once; the audit chain stays one.</summary>
public sealed class ClusterTests(TestDatabases databases)
{
    [Fact]
    public async Task TwoNodesOnOneDatabase_EachEscalationHappensOnce()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "complaint", d =>
        {
            var properties = WorkflowFolder.Node(d, "department-answer")["properties"]!.AsObject();
            properties["escalation"] = new JsonArray(
                new JsonObject { ["after"] = "PT2S", ["action"] = "remind" },
                new JsonObject { ["after"] = "PT3S", ["action"] = "reassignToHead" });
        });
        var database = await databases.CreateAsync(Store.Postgres);
        await using var first = await TestApp.StartAsync(database, folder);
        await using var second = await TestApp.StartAsync(database, folder);
        var codes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var node = i % 2 == 0 ? first : second;
            var code = await CaseApi.SubmitAsync(node.Anonymous(), CaseApi.Complaint());
            var edesk = await node.LoginAsync("edesk");
            var review = (await CaseApi.TaskForAsync(edesk, code))!;
            Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review["id"]!.GetValue<string>(), "route", new { department = "billing" })).StatusCode);
            codes.Add(code);
        }

        await using var db = await first.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        await Eventually.GetAsync(
            async () => await db.AuditEvents.CountAsync(e => e.Type == "escalation.reassigned") >= codes.Count ? "all" : null,
            TimeSpan.FromSeconds(45), "every case to be escalated");
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var code in codes)
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.TrackingCode == code && e.Type == "escalation.reminded"));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.TrackingCode == code && e.Type == "escalation.reassigned"));
        }

        // Two nodes wrote to one audit log: still one chain, as either node verifies it.
        var chain = await second.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task VersionPublishedOnOneNode_IsTakenByNewCasesOnTheOther()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var first = await TestApp.StartAsync(database);
        await using var second = await TestApp.StartAsync(database);
        var before = await CaseApi.SubmitAsync(second.Anonymous(), CaseApi.Complaint());
        var design = first.Service<Infrastructure.Definitions.WorkflowDesign>();
        var v1 = (await design.VersionAsync("complaint", 1, TestContext.Current.CancellationToken))!;
        var edited = v1 with { Name = v1.Name + " (ویرایش)" };

        var published = await design.PublishAsync("complaint", edited, "process-owner", TestContext.Current.CancellationToken);
        var after = await CaseApi.SubmitAsync(second.Anonymous(), CaseApi.Complaint());

        Assert.Equal(2, published.Version);
        await using var db = await second.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var versions = await db.Cases.Where(c => c.TrackingCode == before || c.TrackingCode == after)
            .Join(db.Instances, c => c.Id, i => i.CaseId, (c, i) => new { c.TrackingCode, i.DefinitionVersion })
            .ToDictionaryAsync(x => x.TrackingCode, x => x.DefinitionVersion, TestContext.Current.CancellationToken);
        Assert.Equal(1, versions[before]);
        Assert.Equal(2, versions[after]);
    }
}
