using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>Heads and admins keep the system in shape from the browser: answers, people, routing.</summary>
public sealed class AdministrationTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AdminCreatesAMember_WhoLogsInAndSeesTheDepartmentQueue()
    {
        await using var adminContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var admin = await StaffBrowser.LogInAsync(adminContext, "admin");
        await admin.GotoAsync("/staff/admin/users");
        await StaffBrowser.Ready(admin);
        await admin.Locator("#user-name").FillAsync("new.member");
        await admin.Locator("#user-full-name").FillAsync("نرگس امینی");
        await admin.Locator("#user-password").FillAsync("Sked-New-1404!");
        await StaffBrowser.PickAsync(admin, admin.Locator(".mud-select").Nth(0), "ایمنی و حوادث");
        await admin.GetByLabel("کارشناس واحد", new() { Exact = true }).CheckAsync();
        await admin.Locator("#user-save").ClickAsync();
        await Assertions.Expect(admin.Locator("#user-list")).ToContainTextAsync("new.member");
        await Assertions.Expect(admin.Locator("#user-list tr", new() { HasText = "new.member" })).ToContainTextAsync("کارشناس واحد");
        await StaffBrowser.Shot(admin, "admin-users");

        await using var memberContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var member = await StaffBrowser.LogInAsync(memberContext, "new.member", "Sked-New-1404!");
        await Assertions.Expect(member.Locator("#signed-in-as")).ToHaveTextAsync("نرگس امینی");
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == "staff.created" && e.Actor == "admin"));
    }

    [Fact]
    public async Task HeadKeepsACannedAnswer_AndAMemberInsertsItIntoAnAnswer()
    {
        await using var headContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var head = await StaffBrowser.LogInAsync(headContext, "head.metering");
        await head.GotoAsync("/staff/department/answers");
        await StaffBrowser.Ready(head);
        await head.Locator("#canned-title").FillAsync("تعویض کنتور");
        await head.Locator("#canned-text").FillAsync("کنتور شما ظرف یک هفته تعویض می‌شود.");
        await head.Locator("#canned-add").ClickAsync();
        await Assertions.Expect(head.Locator("#canned-list")).ToContainTextAsync("تعویض کنتور");

        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var edesk = await _app.LoginAsync("edesk");
        await CaseApi.CompleteAsync(edesk, (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>(), "route", new { department = "metering" });
        await using var staffContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var staff = await StaffBrowser.LogInAsync(staffContext, "staff.metering");
        await StaffBrowser.OpenTaskAsync(staff, code);
        await staff.Locator("#claim").ClickAsync();
        await staff.Locator(".canned-answers").First.ClickAsync();
        await staff.GetByRole(AriaRole.Menuitem, new() { Name = "تعویض کنتور" }).ClickAsync();

        await Assertions.Expect(staff.Locator("#field-answer")).ToHaveValueAsync("کنتور شما ظرف یک هفته تعویض می‌شود.");
    }

    [Fact]
    public async Task AdminAddsARoutingRule_AndTheNextComplaintIsRoutedByIt()
    {
        await using var adminContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var admin = await StaffBrowser.LogInAsync(adminContext, "admin");
        await admin.GotoAsync("/staff/admin/routing");
        await StaffBrowser.Ready(admin);
        var complaint = admin.Locator(".mud-paper", new() { HasText = "رسیدگی به شکایت" }).First;
        var rules = complaint.Locator("tbody tr");
        var before = await rules.CountAsync();
        await complaint.GetByRole(AriaRole.Button, new() { Name = "قاعده تازه (در آغاز فهرست)" }).ClickAsync();
        // As a user would, type only once the new row is on the screen (the click goes round the server).
        await Assertions.Expect(rules).ToHaveCountAsync(before + 1);
        var row = rules.First;
        await Assertions.Expect(row.Locator("input:not([type=hidden])").Nth(2)).ToHaveValueAsync(string.Empty);
        await row.Locator("input:not([type=hidden])").Nth(2).FillAsync("ترانسفورماتور");
        await StaffBrowser.PickAsync(admin, row.Locator(".mud-select").Last, "ایمنی و حوادث");
        await Assertions.Expect(row.Locator("input:not([type=hidden])").Nth(2)).ToHaveValueAsync("ترانسفورماتور");
        await complaint.GetByRole(AriaRole.Button, new() { Name = "انتشار نسخه تازه" }).ClickAsync();
        await Assertions.Expect(complaint).ToContainTextAsync("نسخه ۲");

        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint("ترانسفورماتور", "ترانسفورماتور کوچه ما صدای انفجار می‌دهد."));
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal("safety", (await db.Cases.SingleAsync(c => c.TrackingCode == code)).Department);
    }
}
