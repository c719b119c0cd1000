using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.E2E.Tests.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.E2E.Tests.Portal;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Faq;

/// <summary>
/// Issue 14's journey: three citizens ask the same public question in three wordings (one colloquial,
/// one with the ZWNJ typed as spaces); the e-desk confirms the match; at the workflow's repeats the
/// CEO office edits and publishes it; a fourth citizen typing a fourth wording sees the answer on the
/// form before sending, and says it answered the question.
/// </summary>
public sealed class SameQuestionJourneyTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private const string First = "چرا در محله ما هر روز خاموشی داریم؟";
    private const string Colloquial = "چرا هر روز برق محلمون قطع میشه";
    private const string SpacedZwnj = "چرا هر روز برق محله های ما قطع می شود";
    private const string Fourth = "برق محله ما هر روز میره";
    private const string Published = "چرا در برخی محله‌ها خاموشی روزانه رخ می‌دهد؟";
    private const string Answer = "خاموشی‌های روزانه برای مدیریت بار شبکه در ساعت‌های اوج مصرف است؛ جدول آن را در سامانه «برق من» ببینید.";

    private TestApp _app = null!;
    private IBrowserContext _phone = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        _phone = await chromium.PhoneAsync(_app.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _phone.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ThreeWordings_AreConfirmedAsOneQuestion_PublishedAfterEditing_AndAFourthCitizenSeesTheAnswerBeforeSending()
    {
        var driver = new CaseDriver(_app);
        await driver.DriveAsync(await AskAsync(First, "۰۹۱۳۰۰۰۰۰۰۱"));
        var second = await AskAsync(Colloquial, "۰۹۱۳۰۰۰۰۰۰۲");
        var third = await AskAsync(SpacedZwnj, "۰۹۱۳۰۰۰۰۰۰۳");

        await using var edeskContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var edesk = await StaffBrowser.LogInAsync(edeskContext, "edesk");
        foreach (var code in new[] { second, third })
        {
            await StaffBrowser.OpenTaskAsync(edesk, code);
            var match = edesk.Locator("#same-question .same-question-match", new() { HasText = First });
            await Assertions.Expect(match).ToBeVisibleAsync();
            await match.GetByRole(AriaRole.Button, new() { Name = "همین پرسش است" }).ClickAsync();
            await Assertions.Expect(edesk.Locator("#same-question-counted")).ToContainTextAsync(First);
            await driver.DriveAsync(code);
        }

        await StaffBrowser.Shot(edesk, "faq-same-question");
        await using var ceoContext = await StaffBrowser.DesktopAsync(chromium, _app);
        var ceo = await StaffBrowser.LogInAsync(ceoContext, "ceo-office");
        await ceo.GotoAsync("/staff/faq");
        await StaffBrowser.Ready(ceo);
        var proposal = ceo.Locator("#faq-proposals tr", new() { HasText = First });
        await Assertions.Expect(proposal).ToContainTextAsync("۳");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "ویرایش و انتشار" }).ClickAsync();
        await Assertions.Expect(ceo.Locator("#faq-question")).ToHaveValueAsync(First);
        await ceo.Locator("#faq-question").FillAsync(Published);
        await ceo.Locator("#faq-answer").FillAsync(Answer);
        await ceo.Locator("#faq-category").FillAsync("خاموشی");
        await StaffBrowser.Shot(ceo, "faq-curation");
        await ceo.Locator("#faq-save-publish").ClickAsync();
        await Assertions.Expect(ceo.Locator("#faq-list tr", new() { HasText = Published })).ToContainTextAsync("منتشرشده");
        await Assertions.Expect(ceo.Locator("#faq-proposals")).ToHaveCountAsync(0);

        var citizen = await _phone.NewPageAsync();
        await citizen.GotoAsync("/ceo");
        await citizen.Locator("#subject").PressSequentiallyAsync(Fourth, new() { Delay = 20 });
        var suggestions = citizen.Locator("#faq-suggestions");
        await Assertions.Expect(suggestions).ToBeVisibleAsync();
        await Assertions.Expect(suggestions).ToContainTextAsync(Published);
        await Assertions.Expect(suggestions).ToContainTextAsync("سامانه «برق من»");
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(RepositoryFolder.Artifacts("screenshots"), "portal-ceo-deflection-360.png"), FullPage = true });
        await suggestions.GetByRole(AriaRole.Button, new() { Name = "این پاسخ پرسشم را جواب داد" }).ClickAsync();
        await Assertions.Expect(suggestions).ToContainTextAsync("سپاس");

        await ceo.ReloadAsync();
        await StaffBrowser.Ready(ceo);
        await Assertions.Expect(ceo.Locator("#faq-list tr", new() { HasText = Published }).Locator(".faq-helpful-count")).ToHaveTextAsync("۱");
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(3, await db.Cases.CountAsync());
        Assert.Equal(Published, (await db.Faq.SingleAsync()).Question);
    }

    /// <summary>A citizen asks the CEO a public question on the phone and gets a tracking code.</summary>
    private async Task<string> AskAsync(string subject, string mobile)
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/ceo");
        await page.GetByLabel("پاسخ عمومی").CheckAsync();
        await page.Locator("#subject").FillAsync(subject);
        await page.Locator("#body").FillAsync("لطفاً بگویید چه زمانی درست می‌شود.");
        await page.Locator("#name").FillAsync("شهروند کرمانی");
        await page.Locator("#mobile").FillAsync(mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال پرسش" }).ClickAsync();
        await page.ForReceiptAsync();
        var code = await page.Locator("#tracking-code").GetAttributeAsync("data-code");
        await page.CloseAsync();
        return code!;
    }
}
