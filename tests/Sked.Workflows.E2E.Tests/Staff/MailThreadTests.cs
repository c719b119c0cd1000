using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Letters;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>
/// The e-desk records a mail that reached the company another way and finds its thread on the case
/// page; a case whose citizen replied with a file and whose mail then bounced shows both.
/// </summary>
public sealed partial class MailThreadTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EDeskRecordsAForwardedMail_FromTheMenu_AndSeesItsThreadOnTheCasePage()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var edesk = await StaffBrowser.LogInAsync(context, "edesk");
        await edesk.GetByRole(AriaRole.Link, new() { Name = "ثبت رایانامه" }).ClickAsync();
        await StaffBrowser.Ready(edesk);
        await edesk.Locator("#mail-address").FillAsync("reza-at-example.ir");
        await edesk.Locator("#mail-name").FillAsync("رضا توکلی");
        await edesk.Locator("#mail-subject").FillAsync("قطعی مکرر برق");
        await edesk.Locator("#mail-text").FillAsync("برق کوچه ما هر شب ساعت نه قطع می‌شود.\nلطفاً بررسی کنید.");

        await edesk.Locator("#record-mail").ClickAsync();

        // The sentence sits under the address field itself.
        await Assertions.Expect(FieldOf(edesk, "#mail-address")).ToContainTextAsync("نشانی پست الکترونیکی معتبر نیست.");
        await StaffBrowser.Shot(edesk, "staff-record-mail-error");
        await edesk.Locator("#mail-address").FillAsync("reza@example.ir");
        await edesk.Locator("#record-mail").ClickAsync();
        await Assertions.Expect(edesk.Locator("#mail-receipt")).ToBeVisibleAsync();
        var code = (await edesk.Locator("#mail-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]+$", code);
        await StaffBrowser.Shot(edesk, "staff-record-mail-receipt");

        await edesk.Locator("#open-case").ClickAsync();
        await StaffBrowser.Ready(edesk);
        await Assertions.Expect(edesk.Locator("#task-code")).ToHaveTextAsync(code);
        var mails = edesk.Locator("#mail-thread .case-mail");
        await Assertions.Expect(mails).ToHaveCountAsync(2);
        await Assertions.Expect(mails.Nth(0)).ToHaveAttributeAsync("data-direction", "In");
        await Assertions.Expect(mails.Nth(0)).ToContainTextAsync("از شهروند");
        await Assertions.Expect(mails.Nth(0)).ToContainTextAsync("reza@example.ir");
        await Assertions.Expect(mails.Nth(0)).ToContainTextAsync("رضا توکلی");
        await Assertions.Expect(mails.Nth(0)).ToContainTextAsync("پرونده را باز کرد");
        await Assertions.Expect(mails.Nth(0).Locator(".mail-recorded")).ToContainTextAsync(await FullNameAsync("edesk"));
        await Assertions.Expect(mails.Nth(0).Locator(".mail-at")).ToHaveTextAsync(PersianDateTime());
        await Assertions.Expect(mails.Nth(1)).ToHaveAttributeAsync("data-direction", "Out");
        await Assertions.Expect(mails.Nth(1)).ToContainTextAsync("به شهروند");
        await Assertions.Expect(mails.Nth(1)).ToContainTextAsync(code);
        await Assertions.Expect(edesk.Locator("#mail-undeliverable")).ToHaveCountAsync(0);
        await StaffBrowser.Shot(edesk, "staff-mail-thread-recorded");
    }

    [Fact]
    public async Task ACaseWithAReplyAndABounce_ShowsTheFileToDownload_AndWarnsThatMailDoesNotArrive()
    {
        var edeskMember = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);
        var recorded = await _app.Service<StartEmailInquiry.Handler>().HandleAsync(
            new StartEmailInquiry.Request("قبض اشتباه", "مبلغ قبض این دوره با مصرف ما جور نیست.", "nader@example.ir", "نادر کرمانی"), edeskMember, CancellationToken.None);
        var code = recorded.Started.TrackingCode!;
        var acknowledgement = await MailFeed.AcknowledgementIdAsync(_app, code);
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 a scanned bill");
        var reply = string.Join('\n', Enumerable.Range(1, 8).Select(i => $"سطر {i}: توضیح بیشتر درباره مصرف ماه‌های گذشته و قبض این دوره."));
        await MailFeed.ReplyAsync(_app, acknowledgement, "nader@example.ir", "Re: رسید پیام شما", reply,
            MailFeed.File("قبض-آذر.pdf", "application/pdf", content));
        await MailFeed.BounceAsync(_app, acknowledgement);

        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var edesk = await StaffBrowser.LogInAsync(context, "edesk");
        await StaffBrowser.OpenTaskAsync(edesk, code);

        await Assertions.Expect(edesk.Locator("#mail-undeliverable")).ToContainTextAsync("تحویل‌ناپذیر");
        var replied = edesk.Locator("#mail-thread .case-mail[data-disposition=Reply]");
        var link = replied.Locator(".mail-attachment");
        await Assertions.Expect(link).ToContainTextAsync("قبض-آذر.pdf");
        await Assertions.Expect(replied.Locator(".mail-text")).ToHaveClassAsync(Folded());
        await Assertions.Expect(edesk.Locator("#mail-thread .case-mail[data-disposition=Bounce]")).ToContainTextAsync("برگشتی");
        await StaffBrowser.Shot(edesk, "staff-mail-thread-bounce");

        var download = await edesk.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal(content, await download.BodyAsync());
        await replied.Locator(".mail-toggle").ClickAsync();
        await Assertions.Expect(replied.Locator(".mail-text")).Not.ToHaveClassAsync(Folded());
        await Assertions.Expect(replied.Locator(".mail-text")).ToContainTextAsync("سطر 8");
    }

    [Fact]
    public async Task AMemberWithoutTheEDeskRole_HasNoLinkToTheScreen_AndIsTurnedAwayAtItsAddress()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var secretariat = await StaffBrowser.LogInAsync(context, "secretariat");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = "ثبت رایانامه" })).ToHaveCountAsync(0);

        await secretariat.GotoAsync("/staff/email-inquiries/new");

        Assert.Contains("/staff/denied", secretariat.Url, StringComparison.Ordinal);
        Assert.Equal(0, await secretariat.Locator("#record-mail").CountAsync());
    }

    private static ILocator FieldOf(IPage page, string input) =>
        page.Locator(input).Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]");

    private async Task<string> FullNameAsync(string login)
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.FullName).SingleAsync();
    }

    [GeneratedRegex("^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PersianDateTime();

    [GeneratedRegex("\\bfolded\\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Folded();
}
