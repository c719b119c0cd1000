using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>Auditors read the history in the browser: a case's events and the path it took, the chain's health.</summary>
public sealed class AuditorViewTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AuditorOpensAFinishedCase_SeesItsPathOnTheDiagram_ItsEventsInChainOrder_AndAValidChain()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        await new CaseDriver(_app).DriveAsync(code);
        // The answer's SMS records itself in the history on its own time; the page is read once it has.
        await _app.OutboxDrainedAsync();
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var auditor = await StaffBrowser.LogInAsync(context, "auditor");

        await auditor.GotoAsync($"/staff/audit/cases/{code}");
        await StaffBrowser.Ready(auditor);
        var diagram = auditor.Locator("#workflow-diagram");
        foreach (var node in new[] { "start", "intake", "edesk-review", "department-answer", "publish-answer", "end-answered" })
        {
            await Assertions.Expect(diagram.Locator($"[data-node='{node}']")).ToHaveAttributeAsync("data-entered", "true");
        }

        await Assertions.Expect(diagram.Locator("[data-node='publish-rejection']")).ToHaveAttributeAsync("data-entered", "false");
        await Assertions.Expect(diagram.Locator("[data-node='end-answered']")).ToHaveAttributeAsync("data-current", "true");
        await Assertions.Expect(diagram.Locator("[data-from='edesk-review'][data-outcome='route']")).ToHaveAttributeAsync("data-taken", "true");
        await Assertions.Expect(diagram.Locator("[data-from='edesk-review'][data-outcome='reject']")).ToHaveAttributeAsync("data-taken", "false");

        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
        var expected = await db.AuditEvents.Where(a => a.CaseId == caseId).OrderBy(a => a.At).ThenBy(a => a.Seq).Select(a => a.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        var rows = auditor.Locator("#case-timeline tr.audit-event");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        var seqs = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            seqs.Add((await row.GetAttributeAsync("data-seq"))!);
        }

        Assert.Equal(expected, seqs);
        await Assertions.Expect(auditor.Locator("#case-timeline")).ToContainTextAsync("task.completed");
        await Assertions.Expect(auditor.Locator("#case-timeline tr[data-type='task.completed'] .audit-type-title").First).ToHaveTextAsync("انجام کار");
        await StaffBrowser.Shot(auditor, "auditor-case-path");

        await auditor.GotoAsync("/staff/audit");
        await StaffBrowser.Ready(auditor);
        await Assertions.Expect(auditor.Locator("#chain-status")).ToHaveAttributeAsync("data-valid", "true");
        await Assertions.Expect(auditor.Locator("#audit-events tbody tr").First).ToBeVisibleAsync();
        // Event types are read by their Persian titles; the wire name stays beside them, small.
        await Assertions.Expect(auditor.Locator("#audit-events .audit-type").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[^A-Za-z]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        // The pager counts in Persian digits, never "1-10 of 69".
        await Assertions.Expect(auditor.Locator("#audit-events .mud-table-page-number-information"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[۰-۹٬]+-[۰-۹٬]+ از [۰-۹٬]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        await StaffBrowser.Shot(auditor, "auditor-events");
    }

    [Fact]
    public async Task AuditorsCaseDiagram_OpensOnTheEndOfThePath_AndFitsItsBoxOnRequest()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        await new CaseDriver(_app).DriveAsync(code);
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var auditor = await StaffBrowser.LogInAsync(context, "auditor");
        await auditor.SetViewportSizeAsync(1366, 900);

        await auditor.GotoAsync($"/staff/audit/cases/{code}");
        await StaffBrowser.Ready(auditor);
        var box = auditor.Locator(".workflow-diagram");
        var end = auditor.Locator("#workflow-diagram [data-node='end-answered']");
        await Assertions.Expect(end).ToHaveAttributeAsync("data-current", "true");
        // Readable and scrolled: the highlighted end of the path sits inside the box.
        await Assertions.Expect(box).ToHaveAttributeAsync("data-fit", "readable");
        await InsideAsync(end, box);
        // Outcomes are named as the designer names them, in Persian.
        await Assertions.Expect(auditor.Locator("#workflow-diagram [data-from='edesk-review'][data-outcome='route'] .edge-label")).ToHaveTextAsync("ارجاع به واحد");
        await StaffBrowser.Shot(auditor, "auditor-case-diagram-path-1366");

        await auditor.Locator("#workflow-diagram-fit").ClickAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("data-fit", "whole");
        var svg = (await auditor.Locator("#workflow-diagram").BoundingBoxAsync())!;
        var frame = (await box.BoundingBoxAsync())!;
        Assert.True(svg.Width <= frame.Width + 1, $"the whole diagram is {svg.Width} px wide in a {frame.Width} px box");
        await InsideAsync(auditor.Locator("#workflow-diagram [data-node='start']"), box);
        await InsideAsync(end, box);
        await StaffBrowser.Shot(auditor, "auditor-case-diagram-whole-1366");
        await PageAxe.AssertNoSeriousViolationsAsync(auditor);
    }

    /// <summary>Waits until the element lies wholly within the box across (the box scrolls sideways only).</summary>
    private static async Task InsideAsync(ILocator element, ILocator box)
    {
        for (var tries = 0; ; tries++)
        {
            var (e, b) = ((await element.BoundingBoxAsync())!, (await box.BoundingBoxAsync())!);
            if (e.X >= b.X - 1 && e.X + e.Width <= b.X + b.Width + 1)
            {
                return;
            }

            Assert.True(tries < 40, $"the element spans {e.X}–{e.X + e.Width} px, the box {b.X}–{b.X + b.Width} px");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task AuditorDownloadsTheEvidence_AndReadsWhoDidWhatInTheReports()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        await new CaseDriver(_app).DriveAsync(code);
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var auditor = await StaffBrowser.LogInAsync(context, "auditor");

        var evidence = await auditor.APIRequest.GetAsync($"/staff/audit/cases/{code}/evidence");
        Assert.Equal(200, evidence.Status);
        Assert.Contains("پرونده مستندات حسابرسی", await evidence.TextAsync(), StringComparison.Ordinal);
        var zip = await auditor.APIRequest.GetAsync($"/staff/audit/cases/{code}/evidence.zip");
        Assert.Equal("application/zip", zip.Headers["content-type"]);

        await auditor.GotoAsync("/staff/audit/reports");
        await StaffBrowser.Ready(auditor);
        await Assertions.Expect(auditor.Locator("#report-members tr[data-member='edesk']")).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("#report-departments tr[data-department='customer-service']")).ToBeVisibleAsync();
        await StaffBrowser.Shot(auditor, "auditor-reports");
    }

    [Fact]
    public async Task EDeskOpensTheAuditScreen_AndIsRefused()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var edesk = await StaffBrowser.LogInAsync(context, "edesk");
        await Assertions.Expect(edesk.Locator("a[href='/staff/audit']")).ToHaveCountAsync(0);

        await edesk.GotoAsync("/staff/audit");
        await StaffBrowser.Ready(edesk);

        await Assertions.Expect(edesk.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(edesk.Locator("#chain-status")).ToHaveCountAsync(0);
    }
}
