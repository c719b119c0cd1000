using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.DryRun;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Definitions;

/// <summary>The designer's back end on each store: drafts, publishing, rollback and the recent cases a draft is tried on.</summary>
public abstract class WorkflowDesignScenarios(TestDatabases databases, Store store)
{
    private const string Owner = "process-owner";
    private const string Complaint = "complaint";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedDraft_IsReadBack_ButNewCasesStillRunOnThePublishedVersion()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var published = await LatestVersionAsync(design);
        var edited = WithSla(await design.VersionAsync(Complaint, published, Cancel), "edesk-review", "PT2H");

        var saved = await design.SaveDraftAsync(Complaint, edited, published, Owner, Cancel);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        Assert.True(saved.Saved);
        var draft = await design.DraftAsync(Complaint, Cancel);
        Assert.NotNull(draft);
        Assert.Equal((published, Owner), (draft.BasedOnVersion, draft.SavedBy));
        Assert.Equal("PT2H", Sla(draft.Definition!, "edesk-review"));
        Assert.Equal(published, await LatestVersionAsync(design));
        Assert.Equal(published, await InstanceVersionAsync(app, code));
        await using var db = await OpenAsync(app);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Type == "definition.draft-saved" && a.Actor == Owner && a.DefinitionId == Complaint, Cancel));
    }

    [Fact]
    public async Task DiscardedDraft_IsGone_AndTheDiscardIsAudited()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var published = await LatestVersionAsync(design);
        await design.SaveDraftAsync(Complaint, WithSla(await design.VersionAsync(Complaint, published, Cancel), "edesk-review", "PT2H"), published, "colleague", Cancel);

        var discarded = await design.DiscardDraftAsync(Complaint, Owner, Cancel);
        var again = await design.DiscardDraftAsync(Complaint, Owner, Cancel);

        Assert.True(discarded);
        Assert.False(again);
        Assert.Null(await design.DraftAsync(Complaint, Cancel));
        await using var db = await OpenAsync(app);
        var events = await db.AuditEvents.Where(a => a.Type == "definition.draft-discarded").ToListAsync(Cancel);
        Assert.Equal((Owner, Complaint), (Assert.Single(events).Actor, events[0].DefinitionId));
    }

    [Fact]
    public async Task DraftOfAnotherWorkflow_IsNotSaved()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var request = (await design.VersionAsync("request", 1, Cancel))!;

        var saved = await design.SaveDraftAsync(Complaint, request, 1, Owner, Cancel);

        Assert.False(saved.Saved);
        Assert.Contains(saved.Errors, e => e.Message.Args.Contains("request"));
        Assert.Null(await design.DraftAsync(Complaint, Cancel));
    }

    [Fact]
    public async Task Publish_MakesTheNextVersionByTheUser_RemovesTheDraft_AndOnlyCasesStartedAfterwardsTakeIt()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var before = await LatestVersionAsync(design);
        var edited = WithSla(await design.VersionAsync(Complaint, before, Cancel), "edesk-review", "PT2H");
        var earlier = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await design.SaveDraftAsync(Complaint, edited, before, Owner, Cancel);

        var result = await design.PublishAsync(Complaint, edited, Owner, Cancel);
        var later = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        Assert.Empty(result.Errors);
        Assert.Equal(before + 1, result.Version);
        var newest = (await design.VersionsAsync(Complaint, Cancel))[0];
        Assert.Equal((before + 1, Owner, WorkflowDesign.DesignerSource, (int?)null), (newest.Version, newest.PublishedBy, newest.Source, newest.RestoredFrom));
        Assert.Equal("PT2H", Sla((await design.VersionAsync(Complaint, before + 1, Cancel))!, "edesk-review"));
        Assert.Null(await design.DraftAsync(Complaint, Cancel));
        Assert.Equal(before, await InstanceVersionAsync(app, earlier));
        Assert.Equal(before + 1, await InstanceVersionAsync(app, later));
        await using var db = await OpenAsync(app);
        var published = await db.AuditEvents.SingleAsync(a => a.Type == "definition.published" && a.DefinitionId == Complaint && a.DefinitionVersion == before + 1, Cancel);
        Assert.Equal(Owner, published.Actor);
    }

    [Fact]
    public async Task InvalidDefinition_IsRefusedNamingTheNode_AndNothingIsStored()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var before = await LatestVersionAsync(design);
        var current = (await design.VersionAsync(Complaint, before, Cancel))!;
        // The reject outcome of the e-desk review leads nowhere.
        var dangling = current with { Connections = current.Connections.Where(c => !(c.From == "edesk-review" && c.Outcome == "reject")).ToList() };
        await design.SaveDraftAsync(Complaint, dangling, before, Owner, Cancel);
        var eventsBefore = await CountEventsAsync(app);

        var result = await design.PublishAsync(Complaint, dangling, Owner, Cancel);

        Assert.Null(result.Version);
        Assert.False(result.Unchanged);
        Assert.Contains(result.Errors, e => e.NodeId == "edesk-review" && e.Code == DefinitionErrors.OutcomeNotConnected && Equals(e.Message.Args[0], "reject"));
        Assert.Equal(before, (await design.VersionsAsync(Complaint, Cancel))[0].Version);
        Assert.Equal(before, await LatestVersionAsync(design));
        Assert.NotNull(await design.DraftAsync(Complaint, Cancel));
        Assert.Equal(eventsBefore, await CountEventsAsync(app));
    }

    [Fact]
    public async Task DefinitionOfAnotherWorkflow_IsRefused()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var request = (await design.VersionAsync("request", 1, Cancel))!;

        var result = await design.PublishAsync(Complaint, request, Owner, Cancel);

        Assert.Null(result.Version);
        Assert.NotEmpty(result.Errors);
        Assert.Single(await design.VersionsAsync(Complaint, Cancel));
    }

    [Fact]
    public async Task PublishingTheLatestContentAgain_IsUnchanged_AndStoresNoVersion()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var before = await LatestVersionAsync(design);
        // The shipped file's text, read back and written by the designer: laid out differently, the same workflow.
        var same = (await design.VersionAsync(Complaint, before, Cancel))!;

        var result = await design.PublishAsync(Complaint, same, Owner, Cancel);

        Assert.True(result.Unchanged);
        Assert.Null(result.Version);
        Assert.Equal(before, (await design.VersionsAsync(Complaint, Cancel))[0].Version);
    }

    [Fact]
    public async Task Rollback_PublishesTheOldContentAsANewVersion_MarkedWithTheVersionItRestores()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var original = await LatestVersionAsync(design);
        var edited = WithSla(await design.VersionAsync(Complaint, original, Cancel), "edesk-review", "PT2H");
        var changed = (await design.PublishAsync(Complaint, edited, Owner, Cancel)).Version!.Value;

        var result = await design.RollbackAsync(Complaint, original, Owner, Cancel);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        Assert.Equal(changed + 1, result.Version);
        var versions = await design.VersionsAsync(Complaint, Cancel);
        Assert.Equal([changed + 1, changed, original], versions.Select(v => v.Version));
        Assert.Equal((WorkflowDesign.RollbackSource, (int?)original, Owner), (versions[0].Source, versions[0].RestoredFrom, versions[0].PublishedBy));
        Assert.Equal(Sla((await design.VersionAsync(Complaint, original, Cancel))!, "edesk-review"), Sla((await design.VersionAsync(Complaint, changed + 1, Cancel))!, "edesk-review"));
        Assert.Equal(changed + 1, await InstanceVersionAsync(app, code));
        await using var db = await OpenAsync(app);
        var published = await db.AuditEvents.SingleAsync(a => a.Type == "definition.published" && a.DefinitionId == Complaint && a.DefinitionVersion == changed + 1, Cancel);
        Assert.Equal(original, JsonNode.Parse(published.Data)!["restoredFrom"]!.GetValue<int>());
    }

    [Fact]
    public async Task RecentCases_AreTheWorkflowsCasesNewestFirst_WithTheirCompletedStepsAndPath()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var version = await LatestVersionAsync(design);
        var citizen = app.Anonymous();
        var answered = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint("کنتور خراب", "کنتور برق منزل ما از کار افتاده است."));
        var routed = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint());
        var waiting = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint());
        await CaseApi.SubmitAsync(citizen, new { type = "request", subject = "درخواست انشعاب", body = "برای منزل جدید انشعاب برق می‌خواهیم.", citizen = new { name = "علی رضایی", nationalCode = "0499370899", mobile = "09123456789" } });
        await new CaseDriver(app).DriveAsync(answered);
        var edesk = await app.LoginAsync("edesk");
        var task = (await CaseApi.TaskForAsync(edesk, routed))!;
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, task["id"]!.GetValue<string>(), "route", new { department = "billing" })).StatusCode);

        var recent = await design.RecentCasesAsync(Complaint, 10, Cancel);

        Assert.Equal([waiting, routed, answered], recent.Select(r => r.Case.TrackingCode));
        Assert.All(recent, r => Assert.Equal((Complaint, version), (r.RanOn.Id, r.Case.Version)));
        var done = recent[2].Case;
        Assert.Equal(InstanceStatus.Completed, done.ActualStatus);
        Assert.Equal(["start", "intake"], done.ActualPath.Take(2));
        Assert.Equal("end-answered", done.ActualPath[^1]);
        var steps = done.Steps.Cast<RecordedTaskCompletion>().ToList();
        Assert.Equal([("edesk-review", "route"), ("department-answer", "answer")], steps.Select(s => (s.NodeId, s.Outcome)));
        Assert.Equal("customer-service", steps[0].Data["department"]);
        Assert.Equal("edesk", steps[0].Actor);
        Assert.False(string.IsNullOrEmpty(steps[1].Data["answer"]));
        // The submission as received: none of what the workflow did to the case since.
        Assert.Equal(("کنتور خراب", string.Empty, (string?)null, (string?)null), (done.Submission.Subject, done.Submission.Status, done.Submission.Department, done.Submission.Answer));
        Assert.Empty(done.Submission.Timeline);
        var half = Assert.IsType<RecordedTaskCompletion>(Assert.Single(recent[1].Case.Steps));
        Assert.Equal(("edesk-review", "route", "billing"), (half.NodeId, half.Outcome, half.Data["department"]));
        Assert.Equal(["start", "intake"], recent[0].Case.ActualPath.Take(2));
        Assert.Empty(recent[0].Case.Steps);
        Assert.Equal([waiting, routed], (await design.RecentCasesAsync(Complaint, 2, Cancel)).Select(r => r.Case.TrackingCode));
    }

    [Fact]
    public async Task RecentCase_WhoseCategoryAStepChanged_IsRecordedWithTheCategoryItWasSubmittedWith()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var current = (await design.VersionAsync("public-report", await LatestVersionAsync(design, "public-report"), Cancel))!;
        var review = current.Nodes.Single(n => n.Id == "edesk-review");
        review.Properties!["form"]!.AsArray().Add(new JsonObject { ["name"] = "category", ["label"] = "نوع گزارش", ["type"] = "text", ["bind"] = "case.category" });
        Assert.Empty((await design.PublishAsync("public-report", current, Owner, Cancel)).Errors);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), new
        {
            type = "public-report",
            subject = "انشعاب غیرمجاز",
            body = "در کوچه ما یک انشعاب غیرمجاز از تیر برق گرفته شده است.",
            category = "electricity-theft",
            anonymous = true,
            location = new { lat = 29.1, lng = 58.3, address = "بم، خیابان امام" },
        });
        var edesk = await app.LoginAsync("edesk");
        var task = (await CaseApi.TaskForAsync(edesk, code))!;
        var completed = await CaseApi.CompleteAsync(edesk, task["id"]!.GetValue<string>(), "route", new { department = "inspection", category = "hazard" });
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);

        var recorded = Assert.Single(await design.RecentCasesAsync("public-report", 10, Cancel)).Case;

        await using var db = await OpenAsync(app);
        Assert.Equal("hazard", (await db.Cases.SingleAsync(c => c.TrackingCode == code, Cancel)).Category);
        Assert.Equal("electricity-theft", recorded.Submission.Category);
        Assert.Equal((29.1, 58.3, true), (recorded.Submission.Latitude, recorded.Submission.Longitude, recorded.Submission.Anonymous));
    }

    [Fact]
    public async Task PublishReviewedAgainstAnOlderVersion_IsRefused_AndNothingIsStored()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var design = app.Service<WorkflowDesign>();
        var reviewed = await LatestVersionAsync(design);
        var colleagues = await design.PublishAsync(Complaint, WithSla(await design.VersionAsync(Complaint, reviewed, Cancel), "edesk-review", "PT6H"), "colleague", Cancel);
        var eventsBefore = await CountEventsAsync(app);

        var mine = await design.PublishAsync(Complaint, WithSla(await design.VersionAsync(Complaint, reviewed, Cancel), "edesk-review", "PT2H"), Owner,
            restoredFrom: null, expectedLatest: reviewed, Cancel);

        Assert.Equal(colleagues.Version, mine.SupersededBy);
        Assert.Null(mine.Version);
        Assert.Equal(colleagues.Version, await LatestVersionAsync(design));
        Assert.Equal("PT6H", Sla((await design.VersionAsync(Complaint, colleagues.Version!.Value, Cancel))!, "edesk-review"));
        Assert.Equal(eventsBefore, await CountEventsAsync(app));
    }

    private static WorkflowDefinition WithSla(WorkflowDefinition? definition, string nodeId, string sla)
    {
        Assert.NotNull(definition);
        var copy = DefinitionJson.TryParse(DefinitionJson.Serialize(definition), null, out _)!;
        copy.Nodes.Single(n => n.Id == nodeId).Properties!["sla"] = sla;
        return copy;
    }

    private static string? Sla(WorkflowDefinition definition, string nodeId) =>
        definition.Nodes.Single(n => n.Id == nodeId).Properties?["sla"]?.GetValue<string>();

    private static async Task<int> LatestVersionAsync(WorkflowDesign design, string definitionId = Complaint) =>
        (await design.VersionsAsync(definitionId, Cancel))[0].Version;

    private static async Task<SkedDbContext> OpenAsync(TestApp app) =>
        await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);

    private static async Task<int> InstanceVersionAsync(TestApp app, string trackingCode)
    {
        await using var db = await OpenAsync(app);
        var caseId = await db.Cases.Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync(Cancel);
        return await db.Instances.Where(i => i.CaseId == caseId).Select(i => i.DefinitionVersion).SingleAsync(Cancel);
    }

    private static async Task<int> CountEventsAsync(TestApp app)
    {
        await using var db = await OpenAsync(app);
        return await db.AuditEvents.CountAsync(a => a.DefinitionId == Complaint && a.CaseId == null, Cancel);
    }
}

public sealed class WorkflowDesignOnSqlite(TestDatabases databases) : WorkflowDesignScenarios(databases, Store.Sqlite);

public sealed class WorkflowDesignOnPostgres(TestDatabases databases) : WorkflowDesignScenarios(databases, Store.Postgres);
