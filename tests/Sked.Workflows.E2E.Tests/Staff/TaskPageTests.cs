using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.E2E.Tests.Portal;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>
/// The task page as the one screen where work happens (issue 17, points 3–5): labelled contacts with
/// call and mail links, a public report's map (whose tiles here cannot load, so the fallback shows),
/// photos in a viewer, and one newest-first timeline in Persian; the done tab says when, how and by whom.
/// </summary>
public sealed class TaskPageTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    // Nothing listens on the discard port: every tile fails, as when the tile server is out of reach.
    private const string UnreachableTiles = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png";

    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite),
        settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["Portal:TileUrl"] = UnreachableTiles });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PublicReport_ShowsLabelledContacts_AMapWithItsFallback_PhotosInAViewer_AndOneTimelineInPersian()
    {
        var code = await ReportWithPhotoAsync();
        await using var edeskContext = await StaffBrowser.DesktopAsync(chromium, _app, StaffBrowser.MainWidth);
        var edesk = await StaffBrowser.LogInAsync(edeskContext, "edesk");
        await StaffBrowser.OpenTaskAsync(edesk, code);

        // Contacts: each under its own caption, the mobile a call link, the address a mail link.
        await Assertions.Expect(edesk.Locator("#citizen-name")).ToHaveTextAsync("مریم احمدی");
        await Assertions.Expect(edesk.Locator("#citizen-mobile")).ToHaveAttributeAsync("href", "tel:09131234567");
        await Assertions.Expect(edesk.Locator("#citizen-email")).ToHaveAttributeAsync("href", "mailto:maryam@example.com");
        await Assertions.Expect(edesk.Locator("#citizen")).ToContainTextAsync("تلفن همراه");
        await Assertions.Expect(edesk.Locator("#citizen")).ToContainTextAsync("رایانامه");

        // The map is drawn; its tiles cannot load, so it says so and the address and coordinates stay readable.
        await Assertions.Expect(edesk.Locator("#case-map.leaflet-container")).ToBeVisibleAsync();
        await Assertions.Expect(edesk.Locator("#case-map-unavailable")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(edesk.Locator("#case-address")).ToHaveTextAsync("جیرفت، خیابان امام");
        await Assertions.Expect(edesk.Locator("#case-coordinates")).ToContainTextAsync(".");
        var underline = await edesk.Locator("#case-map-link").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");
        Assert.Contains("underline", underline, StringComparison.Ordinal);

        // Photos open in a viewer on the page and close with Escape.
        await edesk.Locator("#case-photos .photo-thumb").First.ClickAsync();
        await Assertions.Expect(edesk.Locator("#photo-viewer")).ToBeVisibleAsync();
        await Assertions.Expect(edesk.Locator("#photo-large")).ToBeVisibleAsync();
        await StaffBrowser.Shot(edesk, "staff-task-photo-viewer-1366");
        await edesk.Keyboard.PressAsync("Escape");
        await Assertions.Expect(edesk.Locator("#photo-viewer")).ToHaveCountAsync(0);

        await StaffBrowser.Shot(edesk, "staff-task-public-report-1366");
        var failures = await StaffBrowser.AxeFailuresAsync(edesk, "task page");

        await edesk.Locator("#claim").ClickAsync();
        await Assertions.Expect(edesk.Locator("#release")).ToBeVisibleAsync();
        await StaffBrowser.PickAsync(edesk, edesk.Locator(".task-form .mud-select").First, "ایمنی و حوادث");
        await edesk.Locator("[data-outcome=route]").ClickAsync();
        await edesk.WaitForURLAsync("**/staff");

        await using var safetyContext = await StaffBrowser.DesktopAsync(chromium, _app, StaffBrowser.MainWidth);
        var safety = await StaffBrowser.LogInAsync(safetyContext, "staff.safety");
        await StaffBrowser.OpenTaskAsync(safety, code);
        var timeline = safety.Locator("#case-timeline");
        await Assertions.Expect(timeline.Locator("li.step")).ToHaveCountAsync(1);
        // One order for steps and statuses alike: newest first.
        var times = await timeline.Locator("li").EvaluateAllAsync<long[]>("items => items.map(i => Number(i.dataset.at))");
        Assert.True(times.Length >= 3, $"{times.Length} timeline entries");
        Assert.Equal(times.OrderByDescending(t => t), times);
        // Persian captions for the step, its outcome and what it recorded; no codes.
        await Assertions.Expect(timeline.Locator(".step-outcome")).ToHaveTextAsync("ارجاع به واحد");
        await Assertions.Expect(timeline.Locator("[data-field=department]")).ToHaveTextAsync("ایمنی و حوادث");
        var text = await timeline.InnerTextAsync();
        Assert.DoesNotContain("route", text, StringComparison.Ordinal);
        Assert.DoesNotContain("safety", text, StringComparison.Ordinal);
        Assert.DoesNotContain("department:", text, StringComparison.Ordinal);
        await StaffBrowser.Shot(safety, "staff-task-timeline-1366");
        failures.AddRange(await StaffBrowser.AxeFailuresAsync(safety, "task page after routing"));

        // The e-desk's done tab: when, how and by whom, not the old deadline.
        await edesk.GotoAsync("/staff");
        await StaffBrowser.Ready(edesk);
        await edesk.GetByRole(AriaRole.Tab, new() { Name = "انجام‌شده‌ها" }).ClickAsync();
        var row = edesk.Locator("#inbox-done tr", new() { HasText = code });
        await Assertions.Expect(row.Locator(".done-outcome")).ToHaveTextAsync("ارجاع به واحد");
        await Assertions.Expect(row.Locator(".done-at")).ToContainTextAsync("۱۴");
        await Assertions.Expect(row.Locator(".done-by")).ToHaveTextAsync(await FullNameAsync("edesk"));
        await Assertions.Expect(row.Locator(".done-sla")).ToHaveAttributeAsync("data-late", "false");
        await StaffBrowser.Shot(edesk, "staff-inbox-done-1366");
        failures.AddRange(await StaffBrowser.AxeFailuresAsync(edesk, "done tab"));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>A citizen's public report from the portal form, with a point, an address, a photo and contact details.</summary>
    private async Task<string> ReportWithPhotoAsync()
    {
        await using var phone = await chromium.PhoneAsync(_app.BaseAddress);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/report");
        await page.Locator("#category").SelectOptionAsync("hazard");
        await page.Locator("#subject").FillAsync("سیم برق پاره روی زمین");
        await page.Locator("#body").FillAsync("یک سیم برق پاره کنار پیاده‌رو افتاده و بچه‌ها از آنجا رد می‌شوند.");
        await page.Locator("#address").FillAsync("جیرفت، خیابان امام");
        await page.Locator("#map.leaflet-container").ClickAsync(new() { Position = new Position { X = 150, Y = 100 } });
        await page.Locator("#photos").SetInputFilesAsync(Photo());
        await page.Locator("#name").FillAsync("مریم احمدی");
        await page.Locator("#nationalCode").FillAsync("0499370899");
        await page.Locator("#mobile").FillAsync("09131234567");
        await page.Locator("#email").FillAsync("maryam@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال گزارش" }).ClickAsync();
        await page.ForReceiptAsync();
        return (await page.Locator("#tracking-code").GetAttributeAsync("data-code"))!;
    }

    private string Photo()
    {
        using var image = new Image<Rgb24>(640, 480, new Rgb24(60, 120, 200));
        var path = Path.Combine(databases.NewFolder(), "wire.jpg");
        image.SaveAsJpeg(path);
        return path;
    }

    private async Task<string> FullNameAsync(string login)
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.FullName).SingleAsync();
    }
}
