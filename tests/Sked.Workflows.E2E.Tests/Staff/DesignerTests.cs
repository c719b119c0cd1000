using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>The designer's first slice: a process owner sees a workflow drawn and checked by the engine's validator.</summary>
public sealed class DesignerTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ProcessOwner_SeesTheComplaintWorkflowDrawn_AndValid()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var owner = await StaffBrowser.LogInAsync(context, "process-owner");
        await owner.GotoAsync("/designer/complaint");
        await StaffBrowser.Ready(owner);

        await Assertions.Expect(owner.Locator(".sked-validation-ok")).ToHaveTextAsync("تعریف معتبر است.");
        var nodes = owner.Locator(".sked-node-type");
        await Assertions.Expect(nodes.First).ToBeVisibleAsync();
        Assert.True(await owner.Locator(".sked-node-type", new() { HasText = "کار انسانی" }).CountAsync() >= 2, "the two human tasks are drawn");
        await StaffBrowser.Shot(owner, "designer-complaint");
    }
}
