using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>
/// The designer's canvas as a process owner meets it on a 1366 px screen: the flow read right to left
/// (or top down) across the page, cards readable at the zoom it opens at, an overview, and the arrow keys.
/// </summary>
public sealed class DesignerCanvasTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ProcessOwner_ReadsTheFlowRightToLeftOrTopDown_WalksItWithTheKeys_AndJumpsWithTheOverview()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await owner.SetViewportSizeAsync(1366, 900);
        await OpenAsync(owner, "/designer/complaint");
        var canvas = owner.Locator(".sked-canvas").First;

        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-direction", "RightToLeft");
        var start = await Node(owner, "start").BoundingBoxAsync();
        var intake = await Node(owner, "intake").BoundingBoxAsync();
        Assert.True(start!.X > intake!.X, "the flow starts on the right");
        // Cards are read at the zoom the canvas opens at: the label as tall as 12 px text at least.
        var label = await Node(owner, "start").Locator(".sked-node-label").BoundingBoxAsync();
        Assert.True(label!.Height >= 14, $"the start card's label is {label.Height} px tall");
        var width = (await canvas.BoundingBoxAsync())!.Width;
        Assert.True(width >= 700, $"the canvas is {width} px wide on a 1366 px screen");
        await Assertions.Expect(Node(owner, "start").Locator(".sked-node-icon")).ToBeVisibleAsync();
        await Assertions.Expect(Node(owner, "edesk-review").Locator("[data-outcome=\"route\"] .sked-outcome-label")).ToHaveTextAsync("ارجاع به واحد");
        await Assertions.Expect(owner.Locator(".sked-overview .sked-overview-node")).ToHaveCountAsync(14);
        await StaffBrowser.Shot(owner, "designer-canvas-rtl-1366");
        await PageAxe.AssertNoSeriousViolationsAsync(owner);

        // The keys: into the canvas, then from the start along the flow.
        await canvas.FocusAsync();
        await owner.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(owner.Locator(".sked-properties")).ToHaveAttributeAsync("data-node-id", "start");
        await owner.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(owner.Locator(".sked-properties")).ToHaveAttributeAsync("data-node-id", "intake");
        await Assertions.Expect(Node(owner, "intake")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));

        // The overview: a click on the end of the flow there brings it into view.
        var end = (await owner.Locator(".sked-overview .sked-overview-node[data-node-id=\"end-answered\"]").BoundingBoxAsync())!;
        var view = await canvas.GetAttributeAsync("data-view");
        await owner.Mouse.ClickAsync(end.X + (end.Width / 2), end.Y + (end.Height / 2));
        await Assertions.Expect(canvas).Not.ToHaveAttributeAsync("data-view", view!);
        await Assertions.Expect(Node(owner, "end-answered")).ToBeInViewportAsync();

        // Without the properties panel, a long flow gets the page's width.
        await owner.Locator("#designer-toggle-panel").ClickAsync();
        await Assertions.Expect(owner.Locator("#designer-side")).ToBeHiddenAsync();
        for (var tries = 0; (await canvas.BoundingBoxAsync())!.Width <= 1000; tries++)
        {
            Assert.True(tries < 50, "the canvas did not widen without the properties panel");
            await Task.Delay(100);
        }

        await StaffBrowser.Shot(owner, "designer-canvas-wide-1366");
        await owner.Locator("#designer-toggle-panel").ClickAsync();

        await owner.Locator(".sked-direction button[data-direction=\"TopDown\"]").ClickAsync();
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-direction", "TopDown");
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-shown", "true");
        start = await Node(owner, "start").BoundingBoxAsync();
        intake = await Node(owner, "intake").BoundingBoxAsync();
        Assert.True(start!.Y < intake!.Y, "top down, the flow runs down");
        await StaffBrowser.Shot(owner, "designer-canvas-top-down-1366");
    }

    [Fact]
    public async Task TheDirectionAProcessOwnerChose_IsThereAgainOnTheirNextVisit()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await owner.SetViewportSizeAsync(1366, 900);
        await OpenAsync(owner, "/designer/complaint");
        await owner.Locator(".sked-direction button[data-direction=\"TopDown\"]").ClickAsync();
        await Assertions.Expect(owner.Locator(".sked-canvas").First).ToHaveAttributeAsync("data-direction", "TopDown");
        Assert.Equal("TopDown", await owner.EvaluateAsync<string?>("localStorage.getItem('sked.designer.direction:process-owner')"));

        await OpenAsync(owner, "/designer/complaint");

        var canvas = owner.Locator(".sked-canvas").First;
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-direction", "TopDown");
        await Assertions.Expect(owner.Locator(".sked-direction button[data-direction=\"TopDown\"]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-shown", "true");
        var start = await Node(owner, "start").BoundingBoxAsync();
        var intake = await Node(owner, "intake").BoundingBoxAsync();
        Assert.True(start!.Y < intake!.Y, "top down again on the next visit, the flow runs down");
        await StaffBrowser.Shot(owner, "designer-canvas-direction-remembered-1366");
    }

    private static ILocator Node(IPage page, string id) => page.Locator($".sked-node[data-node-id=\"{id}\"]");

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await StaffBrowser.Ready(page);
        await Assertions.Expect(page.Locator(".sked-canvas").First).ToHaveAttributeAsync("data-shown", "true");
    }
}
