using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>The bell in the staff bar rings while the member is working, lists the notice, and opens its task.</summary>
public sealed class NoticeBellTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ATaskAssignedToMe_RingsTheBellLive_AndTheNoticeOpensTheTask()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint("کنتور خراب", "کنتور خانه ما عدد نادرست نشان می‌دهد."));
        using var edesk = await _app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).StatusCode);
        var task = (await CaseApi.TaskForAsync(await _app.LoginAsync("staff.billing"), code))!["id"]!.GetValue<string>();
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        // Signed in, the member is on the inbox with the live connection up.
        var staff = await StaffBrowser.LogInAsync(context, "staff.billing");
        await Assertions.Expect(staff.Locator("#notice-count .mud-badge")).ToHaveCountAsync(0);

        using var head = await _app.LoginAsync("head.billing");
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.billing" })).StatusCode);

        await Assertions.Expect(staff.Locator("#notice-count .mud-badge")).ToContainTextAsync("۱");
        await staff.Locator("#notice-open").ClickAsync();
        var notice = staff.Locator(".notice.unread", new() { HasText = code });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await StaffBrowser.Shot(staff, "staff-notice-bell");
        await notice.ClickAsync();

        await staff.WaitForURLAsync($"**/staff/tasks/{task}");
        await Assertions.Expect(staff.Locator("#notice-count .mud-badge")).ToHaveCountAsync(0);
    }
}
