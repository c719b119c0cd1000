using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>Staff do their daily work in the browser: log in, claim, route, answer, register letters.</summary>
public sealed class StaffInboxTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> FullNameAsync(string login)
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.FullName).SingleAsync();
    }

    [Fact]
    public async Task EDeskRoutes_DepartmentAnswers_AndTheCitizenReadsTheAnswer()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint("قبض غیرعادی", "مبلغ قبض این ماه سه برابر ماه پیش است."));
        await using var edeskContext = await DesktopAsync();
        var edesk = await LogInAsync(edeskContext, "edesk");

        await OpenTaskAsync(edesk, code);
        await edesk.Locator("#claim").ClickAsync();
        await Assertions.Expect(edesk.Locator("#release")).ToBeVisibleAsync();
        await Assertions.Expect(edesk.Locator("#routing-suggestion")).ToContainTextAsync("قاعده");
        await Shot(edesk, "staff-task-claimed");
        await StaffBrowser.PickAsync(edesk, edesk.Locator(".task-form .mud-select").First, "درآمد و صورتحساب");
        await edesk.Locator("[data-outcome=route]").ClickAsync();
        await BackToInboxAsync(edesk, "staff-route-stuck");

        await using var staffContext = await DesktopAsync();
        var staff = await LogInAsync(staffContext, "staff.billing");
        await OpenTaskAsync(staff, code);
        await Assertions.Expect(staff.Locator("#case-subject")).ToHaveTextAsync("قبض غیرعادی");
        await staff.Locator("#claim").ClickAsync();
        await staff.Locator("#field-answer").FillAsync("قبض شما بازبینی و اصلاح شد.");
        await Shot(staff, "staff-task-answer");
        await staff.Locator("[data-outcome=answer]").ClickAsync();
        await BackToInboxAsync(staff, "staff-answer-stuck");

        await using var phone = await chromium.PhoneAsync(_app.BaseAddress);
        var citizen = await phone.NewPageAsync();
        await citizen.GotoAsync("/track");
        await citizen.Locator("#code").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "پیگیری", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#answer")).ToHaveTextAsync("قبض شما بازبینی و اصلاح شد.");
    }

    [Fact]
    public async Task TwoColleaguesClaimTheSameTask_OneWins_AndTheOtherIsToldSo()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var edeskApi = await _app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edeskApi, code))!;
        await CaseApi.CompleteAsync(edeskApi, review["id"]!.GetValue<string>(), "route", new { department = "metering" });
        await using var first = await DesktopAsync();
        await using var second = await DesktopAsync();
        var staff = await LogInAsync(first, "staff.metering");
        var head = await LogInAsync(second, "head.metering");
        await OpenTaskAsync(staff, code);
        await OpenTaskAsync(head, code);

        await staff.Locator("#claim").ClickAsync();
        await Assertions.Expect(staff.Locator("#release")).ToBeVisibleAsync();
        await head.Locator("#claim").ClickAsync();

        await Assertions.Expect(head.Locator("#task-message")).ToContainTextAsync("همکار دیگری");
        // The holder is named by their full name; the login stays in an attribute.
        await Assertions.Expect(head.Locator("#held-by")).ToContainTextAsync(await FullNameAsync("staff.metering"));
        await Assertions.Expect(head.Locator("#held-by")).Not.ToContainTextAsync("staff.metering");
        await Assertions.Expect(head.Locator("#held-by [data-login]")).ToHaveAttributeAsync("data-login", "staff.metering");
        await Shot(head, "staff-claim-lost");
    }

    [Fact]
    public async Task ATaskEnteringMyQueue_AppearsWithoutAReload()
    {
        await using var context = await DesktopAsync();
        var edesk = await LogInAsync(context, "edesk");
        await edesk.GotoAsync("/staff");
        await Ready(edesk);
        await Assertions.Expect(edesk.Locator("#inbox-available")).ToContainTextAsync("کاری در این فهرست نیست");

        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint("موضوع زنده", "این پیام باید بی‌درنگ در کارتابل دیده شود."));

        await Assertions.Expect(edesk.Locator("#inbox-available")).ToContainTextAsync(code);
        await Shot(edesk, "staff-inbox");
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToTheLoginForm_WithoutALiveConnection()
    {
        await using var context = await DesktopAsync();
        var page = await context.NewPageAsync();
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

        await page.GotoAsync("/staff");

        Assert.Contains("/staff/login", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, sockets);
        Assert.Equal(0, await page.Locator("script[src*='_framework/blazor.web']").CountAsync());
    }

    [Fact]
    public async Task MemberOfAnotherDepartment_CannotOpenTheTaskByItsAddress()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var edeskApi = await _app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edeskApi, code))!;
        await CaseApi.CompleteAsync(edeskApi, review["id"]!.GetValue<string>(), "route", new { department = "legal" });
        var task = (await CaseApi.TaskForAsync(await _app.LoginAsync("staff.legal"), code))!;
        await using var context = await DesktopAsync();
        var outsider = await LogInAsync(context, "staff.metering");

        await outsider.GotoAsync($"/staff/tasks/{task["id"]}");
        await Ready(outsider);

        await Assertions.Expect(outsider.Locator("#task-missing")).ToBeVisibleAsync();
        Assert.Equal(0, await outsider.Locator("#case-subject").CountAsync());
    }

    [Fact]
    public async Task SecretariatRegistersALetter_AndTheSenderTracksItWithCodeAndPassword()
    {
        await using var context = await DesktopAsync();
        var secretariat = await LogInAsync(context, "secretariat");
        await secretariat.GotoAsync("/staff/letters/new");
        await Ready(secretariat);
        await secretariat.Locator("#letter-name").FillAsync("مهدی کاظمی");
        await secretariat.Locator("#letter-national-code").FillAsync("۰۴۹۹۳۷۰۸۹۹");
        await secretariat.Locator("#letter-mobile").FillAsync("09131112233");
        await secretariat.Locator("#letter-subject").FillAsync("درخواست نصب چراغ روشنایی معابر");
        await secretariat.Locator("#letter-number").FillAsync("۷۸۹/د");
        await secretariat.Locator("#letter-date").FillAsync("۱۴۰۵/۰۹/۰۶");
        await secretariat.Locator("#register-letter").ClickAsync();

        await Assertions.Expect(secretariat.Locator("#letter-receipt")).ToBeVisibleAsync();
        var code = (await secretariat.Locator("#letter-code").InnerTextAsync()).Trim();
        var password = (await secretariat.Locator("#letter-password").InnerTextAsync()).Trim();
        await Shot(secretariat, "staff-letter-receipt");

        await using var phone = await chromium.PhoneAsync(_app.BaseAddress);
        var citizen = await phone.NewPageAsync();
        await citizen.GotoAsync("/track");
        await citizen.Locator("#code").FillAsync(code);
        await citizen.Locator("#password").FillAsync(password);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "پیگیری", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#status")).ToContainTextAsync("در دبیرخانه ثبت شد");
    }

    private Task<IBrowserContext> DesktopAsync() => StaffBrowser.DesktopAsync(chromium, _app);

    private static Task<IPage> LogInAsync(IBrowserContext context, string userName) => StaffBrowser.LogInAsync(context, userName);

    private static Task Ready(IPage page) => StaffBrowser.Ready(page);

    private static Task OpenTaskAsync(IPage page, string trackingCode) => StaffBrowser.OpenTaskAsync(page, trackingCode);

    private static Task<byte[]> Shot(IPage page, string name) => StaffBrowser.Shot(page, name);

    // After completing a task the page goes back to the inbox. This has timed out now and then under
    // load, cause not found: when it does, the screenshot and the page's text say where it stood.
    private static async Task BackToInboxAsync(IPage page, string shot)
    {
        try
        {
            await page.WaitForURLAsync("**/staff");
        }
        catch (TimeoutException timeout)
        {
            await Shot(page, shot);
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 });
            throw new TimeoutException($"still on {page.Url} ({shot}.png); the page reads: {text}", timeout);
        }
    }
}
