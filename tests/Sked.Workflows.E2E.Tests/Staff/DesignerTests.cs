using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>
/// A process owner changes the complaint workflow in the designer, without code or files: a new
/// step between the e-desk review and the department's answer, checked, compared, dry-run and
/// published; cases already running keep their version.
/// </summary>
public sealed class DesignerTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private const string NewStepTitle = "تأیید کارشناس ارشد";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ProcessOwner_InsertsAStep_FixesTheDanglingOutcome_Publishes_AndOnlyNewCasesTakeIt()
    {
        var before = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await OpenAsync(owner, "/designer/complaint");
        await Assertions.Expect(owner.Locator(".sked-validation-ok")).ToBeVisibleAsync();

        await owner.DragAndDropAsync("#designer-palette li[data-node-type=\"humanTask\"]", ".sked-canvas",
            new() { TargetPosition = new() { X = 520, Y = 380 } });
        var added = owner.Locator(".sked-node[data-node-id=\"task-1\"]");
        await Assertions.Expect(added).ToBeVisibleAsync();
        await DrawLinkAsync(owner, "edesk-review", "route", "task-1");

        var dangling = owner.Locator(".sked-validation-error[data-node-id=\"task-1\"]");
        await Assertions.Expect(dangling).ToContainTextAsync("پیامد «done» به هیچ گره‌ای وصل نیست.");
        await Assertions.Expect(added.Locator(".sked-node-errors")).ToBeVisibleAsync();
        await Assertions.Expect(owner.Locator("#designer-publish")).ToBeDisabledAsync();
        await StaffBrowser.Shot(owner, "designer-dangling-outcome");

        await DrawLinkAsync(owner, "task-1", "done", "department-answer");
        await Assertions.Expect(owner.Locator(".sked-validation-ok")).ToBeVisibleAsync();
        var title = owner.Locator(".sked-properties [data-property=\"title\"] input");
        await title.FillAsync(NewStepTitle);
        await title.PressAsync("Tab");
        await owner.Locator("#designer-save-draft").ClickAsync();
        // The author is named by full name; the login stays in an attribute.
        await Assertions.Expect(owner.Locator("#designer-draft-notice .staff-name")).ToHaveAttributeAsync("data-login", "process-owner");
        await Assertions.Expect(owner.Locator("#designer-draft-notice")).Not.ToContainTextAsync("process-owner");

        await owner.Locator("#designer-publish").ClickAsync();
        var review = owner.Locator("#designer-publish-review");
        await Assertions.Expect(review.Locator(".sked-diff-node[data-node-id=\"task-1\"][data-change=\"added\"]")).ToBeVisibleAsync();
        await Assertions.Expect(review.Locator(".sked-diff-connections li[data-from=\"edesk-review\"][data-outcome=\"route\"]")).ToContainTextAsync("task-1");
        await StaffBrowser.Shot(owner, "designer-publish-review");
        await review.Locator("#designer-publish-confirm").ClickAsync();
        await Assertions.Expect(owner.Locator("#designer-title")).ToContainTextAsync("نسخه ۲");
        await Assertions.Expect(owner.Locator("#designer-draft-notice")).ToHaveCountAsync(0);

        var after = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint(subject: "کنتور خراب", body: "کنتور منزل ما از دیروز کار نمی‌کند."));
        Assert.Equal(1, await VersionOfAsync(before));
        Assert.Equal(2, await VersionOfAsync(after));

        var edesk = await _app.LoginAsync("edesk");
        await CompleteAsync(edesk, before, "route", new { department = "metering" });
        await CompleteAsync(edesk, after, "route", new { department = "metering" });
        var newStep = await CaseApi.TaskForAsync(edesk, after);
        Assert.Equal(NewStepTitle, newStep!["title"]!.GetValue<string>());
        Assert.Null(await CaseApi.TaskForAsync(edesk, before));
        await CompleteAsync(edesk, after, "done");

        var metering = await _app.LoginAsync("staff.metering");
        await CompleteAsync(metering, before, "answer", new { answer = "کنتور شما بازدید و تعویض شد." });
        await CompleteAsync(metering, after, "answer", new { answer = "کنتور شما فردا تعویض می‌شود." });
        Assert.Equal("answered", (await CaseApi.TrackAsync(_app.Anonymous(), before))["status"]!.GetValue<string>());
        Assert.Equal("answered", (await CaseApi.TrackAsync(_app.Anonymous(), after))["status"]!.GetValue<string>());

        var events = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContext().AuditEvents
            .Where(e => e.Type == "definition.published" && e.DefinitionId == "complaint" && e.DefinitionVersion == 2).ToListAsync();
        Assert.Equal("process-owner", Assert.Single(events).Actor);
    }

    [Fact]
    public async Task ProcessOwner_DryRunsADraftOnRecordedCases_WithoutChangingThem()
    {
        var answered = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var edesk = await _app.LoginAsync("edesk");
        await CompleteAsync(edesk, answered, "route", new { department = "billing" });
        await CompleteAsync(await _app.LoginAsync("staff.billing"), answered, "answer", new { answer = "قبض شما اصلاح شد." });
        var waiting = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        await _app.OutboxDrainedAsync();
        var eventsBefore = await CaseEventCountAsync(answered, waiting);

        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await OpenAsync(owner, "/designer/complaint");
        await ShowWholeFlowAsync(owner);
        // The draft: the department's answer (with its loop asking the citizen) removed, e-desk routing straight to publishing.
        foreach (var id in new[] { "department-answer", "notify-ask", "await-reply" })
        {
            await owner.Locator($".sked-node[data-node-id=\"{id}\"]").ClickAsync();
            await owner.Locator("#designer-delete-node").ClickAsync();
        }

        await owner.Locator(".sked-node[data-node-id=\"edesk-review\"]").ClickAsync();
        await owner.Locator(".sked-connections tr[data-outcome=\"route\"] select").SelectOptionAsync("publish-answer");
        await Assertions.Expect(owner.Locator(".sked-validation-ok")).ToBeVisibleAsync();

        await owner.GetByRole(AriaRole.Tab, new() { Name = "اجرای آزمایشی" }).ClickAsync();
        await owner.Locator("#designer-dry-run-start").ClickAsync();
        var rows = owner.Locator(".sked-dry-run-table tr[data-tracking-code]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        // The answered case's history needs the removed step; the waiting one is still at the review.
        await Assertions.Expect(owner.Locator($"tr[data-tracking-code=\"{answered}\"]")).Not.ToHaveAttributeAsync("data-verdict", "Completed");
        await Assertions.Expect(owner.Locator($"tr[data-tracking-code=\"{waiting}\"]")).ToHaveAttributeAsync("data-verdict", "Waiting");
        await StaffBrowser.Shot(owner, "designer-dry-run");

        Assert.Equal(eventsBefore, await CaseEventCountAsync(answered, waiting));
        Assert.Equal("answered", (await CaseApi.TrackAsync(_app.Anonymous(), answered))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auditor_ComparesVersions_ButCannotEdit()
    {
        var design = _app.Service<Infrastructure.Definitions.WorkflowDesign>();
        var v1 = (await design.VersionAsync("complaint", 1, CancellationToken.None))!;
        var edited = Edit(v1, "department-answer", "sla", "P5D");
        Assert.Equal(2, (await design.PublishAsync("complaint", edited, "process-owner", CancellationToken.None)).Version);

        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var auditor = await StaffBrowser.LogInAsync(context, "auditor");
        await OpenAsync(auditor, "/designer/complaint");
        await Assertions.Expect(auditor.Locator("#designer-publish")).ToHaveCountAsync(0);
        await Assertions.Expect(auditor.Locator("#designer-palette")).ToHaveCountAsync(0);
        await ShowWholeFlowAsync(auditor);
        await auditor.Locator(".sked-node[data-node-id=\"department-answer\"]").ClickAsync();
        await Assertions.Expect(auditor.Locator(".sked-properties [data-property=\"sla\"] input")).ToBeDisabledAsync();

        await auditor.GetByRole(AriaRole.Tab, new() { Name = "نسخه‌ها و مقایسه" }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#designer-versions tr[data-version]")).ToHaveCountAsync(2);
        await Assertions.Expect(auditor.Locator("#designer-versions tr[data-version=\"2\"] .staff-name")).ToHaveAttributeAsync("data-login", "process-owner");
        await Assertions.Expect(auditor.Locator("#designer-versions tr[data-version=\"2\"]")).Not.ToContainTextAsync("process-owner");
        await Assertions.Expect(auditor.Locator(".designer-rollback")).ToHaveCountAsync(0);
        var sla2 = auditor.Locator("#designer-diff .sked-diff-node[data-node-id=\"department-answer\"] tr[data-path=\"properties.sla\"]");
        await Assertions.Expect(sla2.Locator(".sked-before")).ToHaveTextAsync("3WD");
        await Assertions.Expect(sla2.Locator(".sked-after")).ToHaveTextAsync("P5D");
        await StaffBrowser.Shot(auditor, "designer-auditor-diff");
    }

    [Fact]
    public async Task ProcessOwner_RollsBackAnEarlierVersion_ExportsIt_AndImportsAnEditedFile()
    {
        var design = _app.Service<Infrastructure.Definitions.WorkflowDesign>();
        var v1 = (await design.VersionAsync("complaint", 1, CancellationToken.None))!;
        Assert.Equal(2, (await design.PublishAsync("complaint", Edit(v1, "department-answer", "sla", "P5D"), "process-owner", CancellationToken.None)).Version);

        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await OpenAsync(owner, "/designer/complaint");
        await owner.GetByRole(AriaRole.Tab, new() { Name = "نسخه‌ها و مقایسه" }).ClickAsync();
        await owner.Locator("#designer-versions tr[data-version=\"1\"] .designer-rollback").ClickAsync();
        var review = owner.Locator("#designer-rollback-review tr[data-path=\"properties.sla\"]");
        await Assertions.Expect(review.Locator(".sked-before")).ToHaveTextAsync("P5D");
        await Assertions.Expect(review.Locator(".sked-after")).ToHaveTextAsync("3WD");
        await owner.Locator("#designer-rollback-confirm").ClickAsync();
        await Assertions.Expect(owner.Locator("#designer-title")).ToContainTextAsync("نسخه ۳");
        await owner.GetByRole(AriaRole.Tab, new() { Name = "نسخه‌ها و مقایسه" }).ClickAsync();
        await Assertions.Expect(owner.Locator("#designer-versions tr[data-version=\"3\"]")).ToContainTextAsync("بازگردانی نسخه ۱");

        var exported = await context.APIRequest.GetAsync("/api/v1/workflows/complaint/export");
        Assert.Equal(200, exported.Status);
        var file = Engine.Definitions.DefinitionJson.TryParse(await exported.TextAsync(), "export", out _)!;
        Assert.Equal("3WD", file.Nodes.Single(n => n.Id == "department-answer").Properties!["sla"]!.GetValue<string>());

        var edited = file with { Nodes = file.Nodes.Select(n => n.Id == "edesk-review" ? n with { Label = "بازبینی میز خدمت" } : n).ToList() };
        var path = Path.Combine(databases.NewFolder(), "complaint.json");
        await File.WriteAllTextAsync(path, Engine.Definitions.DefinitionJson.Serialize(edited));
        await owner.GetByRole(AriaRole.Tab, new() { Name = "ویرایش" }).ClickAsync();
        await owner.Locator("#designer-import").SetInputFilesAsync(path);
        await Assertions.Expect(owner.Locator(".sked-node[data-node-id=\"edesk-review\"] .sked-node-label")).ToHaveTextAsync("بازبینی میز خدمت");
        await Assertions.Expect(owner.Locator("#designer-unsaved")).ToHaveTextAsync("تغییرات ذخیره‌نشده دارید");
        await owner.Locator("#designer-undo").ClickAsync();
        await Assertions.Expect(owner.Locator(".sked-node[data-node-id=\"edesk-review\"] .sked-node-label")).ToHaveTextAsync("بررسی در میز خدمت الکترونیک");
    }

    [Fact]
    public async Task ProcessOwner_DeletesANodeWithTheKeyboard_UndoesAndRedoesIt()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await OpenAsync(owner, "/designer/complaint");
        await ShowWholeFlowAsync(owner);
        var node = owner.Locator(".sked-node[data-node-id=\"notify-rejected\"]");
        await node.ClickAsync();
        await owner.Keyboard.PressAsync("Delete");
        await Assertions.Expect(node).ToHaveCountAsync(0);
        await Assertions.Expect(owner.Locator(".sked-validation-error[data-node-id=\"publish-rejection\"]")).ToContainTextAsync("پیامد «next» به هیچ گره‌ای وصل نیست.");

        // Drawing a node again must not cost the connection: every step below needs a live circuit.
        for (var round = 0; round < 2; round++)
        {
            await owner.Locator("#designer-undo").ClickAsync();
            await Assertions.Expect(node).ToHaveCountAsync(1);
            await Assertions.Expect(node.Locator(".sked-outcome[data-outcome=\"next\"]")).ToHaveAttributeAsync("data-to", "end-rejected");
            await Assertions.Expect(owner.Locator(".sked-validation-ok")).ToBeVisibleAsync();
            await owner.Locator("#designer-redo").ClickAsync();
            await Assertions.Expect(node).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task ProcessOwner_EditsTwoSmsTemplatesOneAfterTheOther_AndEachKeepsItsOwnText()
    {
        const string received = "شهروند گرامی، شکایت شما با کد {trackingCode} ثبت شد.";
        const string rejected = "شهروند گرامی، نتیجه شکایت {trackingCode} را در sked.co.ir ببینید.";
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await OpenAsync(owner, "/designer/complaint");
        var panel = owner.Locator(".sked-properties");
        var box = panel.Locator("[data-property=\"template\"] textarea");
        await ShowWholeFlowAsync(owner);

        await SelectNodeAsync(owner, "notify-received");
        await box.FillAsync(received);
        await box.PressAsync("Tab");
        await SelectNodeAsync(owner, "notify-rejected");
        await Assertions.Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^شهروند گرامی، نتیجه بررسی شکایت شما", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        await box.FillAsync(rejected);
        await box.PressAsync("Tab");
        await StaffBrowser.Shot(owner, "designer-sms-template");

        await SelectNodeAsync(owner, "notify-received");
        await Assertions.Expect(box).ToHaveValueAsync(received);
        await SelectNodeAsync(owner, "notify-rejected");
        await Assertions.Expect(box).ToHaveValueAsync(rejected);
        await PageAxe.AssertNoSeriousViolationsAsync(owner);
        await owner.Locator("#designer-save-draft").ClickAsync();
        await Assertions.Expect(owner.Locator("#designer-draft-notice")).ToBeVisibleAsync();

        var draft = (await _app.Service<Infrastructure.Definitions.WorkflowDesign>().DraftAsync("complaint", CancellationToken.None))!.Definition!;
        Assert.Equal(received, draft.Nodes.Single(n => n.Id == "notify-received").Properties!["template"]!.GetValue<string>());
        Assert.Equal(rejected, draft.Nodes.Single(n => n.Id == "notify-rejected").Properties!["template"]!.GetValue<string>());
    }

    /// <summary>«نمای کامل»: the whole flow in view, once the canvas has drawn it so.</summary>
    private static async Task ShowWholeFlowAsync(IPage page)
    {
        var canvas = page.Locator(".sked-canvas").First;
        var view = await canvas.GetAttributeAsync("data-view");
        await page.Locator("#designer-zoom-fit").ClickAsync();
        await Assertions.Expect(canvas).Not.ToHaveAttributeAsync("data-view", view!);
    }

    /// <summary>Clicks a node on the canvas and waits for the properties panel to show it.</summary>
    private static async Task SelectNodeAsync(IPage page, string id)
    {
        await page.Locator($".sked-node[data-node-id=\"{id}\"]").ClickAsync();
        await Assertions.Expect(page.Locator(".sked-properties")).ToHaveAttributeAsync("data-node-id", id);
    }

    /// <summary>Opens a designer page and waits until the canvas has placed the definition in view.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await StaffBrowser.Ready(page);
        await Assertions.Expect(page.Locator(".sked-canvas").First).ToHaveAttributeAsync("data-shown", "true");
    }

    /// <summary>Drags from a node's outcome port to another node, as a person draws a connection.</summary>
    private static async Task DrawLinkAsync(IPage page, string from, string outcome, string to)
    {
        // The whole flow in view first, as a person would zoom out to reach both ends.
        await ShowWholeFlowAsync(page);
        var port = await SettledBoxAsync(page.Locator($".sked-node[data-node-id=\"{from}\"] .sked-outcome[data-outcome=\"{outcome}\"] .sked-port-out"));
        var target = await SettledBoxAsync(page.Locator($".sked-node[data-node-id=\"{to}\"]"));
        await page.Mouse.MoveAsync(port!.X + (port.Width / 2), port.Y + (port.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(port.X + 40, port.Y + 30, new() { Steps = 5 });
        await page.Mouse.MoveAsync(target!.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator($".sked-node[data-node-id=\"{from}\"] .sked-outcome[data-outcome=\"{outcome}\"]"))
            .ToHaveAttributeAsync("data-to", to);
    }

    /// <summary>
    /// Where an element is once the canvas has stopped moving: the new zoom and pan of a fit arrive in a
    /// later render from the server, and a drag aimed at the old place would miss.
    /// </summary>
    private static async Task<LocatorBoundingBoxResult> SettledBoxAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        for (var tries = 0; tries < 40; tries++)
        {
            await Task.Delay(150);
            var again = await element.BoundingBoxAsync();
            if (box is not null && again is not null && (again.X, again.Y, again.Width, again.Height) == (box.X, box.Y, box.Width, box.Height))
            {
                return again;
            }

            box = again;
        }

        throw new TimeoutException("The canvas kept moving.");
    }

    private static async Task CompleteAsync(HttpClient client, string trackingCode, string outcome, object? data = null)
    {
        var task = await Eventually.GetAsync(() => CaseApi.TaskForAsync(client, trackingCode), TimeSpan.FromSeconds(20), $"a task of {trackingCode}");
        var response = await CaseApi.CompleteAsync(client, task["id"]!.GetValue<string>(), outcome, data);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> VersionOfAsync(string trackingCode)
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync();
        return await db.Instances.Where(i => i.CaseId == caseId).Select(i => i.DefinitionVersion).SingleAsync();
    }

    private async Task<int> CaseEventCountAsync(params string[] trackingCodes)
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.TrackingCode != null && trackingCodes.Contains(e.TrackingCode));
    }

    private static Engine.Definitions.WorkflowDefinition Edit(Engine.Definitions.WorkflowDefinition definition, string nodeId, string property, string value)
    {
        var node = definition.Nodes.Single(n => n.Id == nodeId);
        var properties = node.Properties!.DeepClone().AsObject();
        properties[property] = value;
        var nodes = definition.Nodes.Select(n => n.Id == nodeId ? n with { Properties = properties } : n).ToList();
        return definition with { Nodes = nodes };
    }
}
