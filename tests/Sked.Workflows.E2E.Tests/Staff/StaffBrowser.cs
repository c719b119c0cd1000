using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>How a member of staff gets to work in the browser.</summary>
public static class StaffBrowser
{
    /// <summary>The staff screens' main width (issue 17 walks them at 1366 px).</summary>
    public const int MainWidth = 1366;

    public static async Task<IBrowserContext> DesktopAsync(Chromium chromium, TestApp app, int width = 1280)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "fa-IR",
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public static async Task<IPage> LogInAsync(IBrowserContext context, string userName, string password = TestApp.Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود" }).ClickAsync();
        // Either the inbox or the login page's own message: a refused login says why instead of timing out.
        var refused = page.Locator("#login-error");
        await Assertions.Expect(page.Locator("#staff-ready").Or(refused)).ToBeAttachedAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"{userName} could not log in: {await refused.InnerTextAsync()}");
        }

        Assert.EndsWith("/staff", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#signed-in-as")).Not.ToBeEmptyAsync();
        return page;
    }

    /// <summary>
    /// Picks an option of a select, then waits until the select shows it, as a user sees their choice before
    /// going on: the option's click is handled over the connection, and a button clicked before it lands would
    /// act on the form without the choice.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Assertions.Expect(select).ToContainTextAsync(option);
    }

    /// <summary>Staff pages render their content once the live connection is up.</summary>
    public static Task Ready(IPage page) => Assertions.Expect(page.Locator("#staff-ready")).ToBeAttachedAsync();

    public static async Task OpenTaskAsync(IPage page, string trackingCode)
    {
        await page.GotoAsync("/staff");
        await Ready(page);
        // The task must be listed in the group's queue; it is opened by its row's link target rather than
        // a click, which a live reload of the list (another test's commit) can swallow.
        var row = page.Locator("#inbox-available [data-task]", new() { HasText = trackingCode });
        var taskId = await row.GetAttributeAsync("data-task");
        await page.GotoAsync($"/staff/tasks/{taskId}");
        await Ready(page);
        await Assertions.Expect(page.Locator("#task-code")).ToHaveTextAsync(trackingCode);
    }

    /// <summary>Axe's serious and critical findings on the page, one line each (empty when it passes).</summary>
    public static async Task<List<string>> AxeFailuresAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
    }

    public static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryFolder.Artifacts("screenshots"), name + ".png"), FullPage = true });
}
