using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>
/// The citizen answers staff's question on the tracking page at 390 px: the page shows the question and a
/// reply form only while the case waits for the citizen; an empty reply is refused in Persian beside the
/// field, a real one is taken, the case moves on and the form is gone.
/// </summary>
public sealed class TrackingReplyTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private const string Question = "شماره اشتراک برق خود را بنویسید.";
    private const string Answer = "شماره اشتراک من ۱۲۳۴۵۶۷ است.";
    private TestApp _app = null!;
    private IBrowserContext _phone = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        _phone = await chromium.PhoneAsync(_app.BaseAddress, Chromium.CitizenWidth);
    }

    public async ValueTask DisposeAsync()
    {
        await _phone.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheCitizen_AnswersStaffsQuestionOnTheTrackingPage_AndTheCaseMovesOn()
    {
        var code = await AskTheCitizenAsync();
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/track?code=" + code);
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری" }).ClickAsync();

        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(Question);
        await Assertions.Expect(page.Locator("#reply-text")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("label[for=reply-text]")).ToContainTextAsync("پاسخ شما به پرسش ما");
        await page.Locator("#reply-send").ClickAsync();
        await Assertions.Expect(page.Locator("#reply-text-error")).ToContainTextAsync("پاسخ خود را بنویسید");
        await Assertions.Expect(page.Locator("#reply-sent")).ToHaveCountAsync(0);

        await page.Locator("#reply-text").FillAsync(Answer);
        await Assertions.Expect(page.Locator("#reply-text-count")).ToContainTextAsync("از ۲٬۰۰۰ نویسه");
        await page.ScreenshotAsync(new() { Path = Shot("portal-track-reply-form-390"), FullPage = true });
        await AssertAxeAsync(page);
        await page.Locator("#reply-send").ClickAsync();

        await Assertions.Expect(page.Locator("#reply-sent")).ToHaveTextAsync("پاسخ شما رسید؛ رسیدگی و مهلت پاسخ دوباره روان شد.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(Answer);
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveCountAsync(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Chromium.CitizenWidth, $"the tracking page is {width}px wide");
        await page.ScreenshotAsync(new() { Path = Shot("portal-track-reply-sent-390"), FullPage = true });
        await AssertAxeAsync(page);
        Assert.NotEqual(Domain.Cases.CaseStatuses.AwaitingCitizen, (await CaseApi.TrackAsync(_app.Anonymous(), code))["status"]!.GetValue<string>());
    }

    /// <summary>A complaint routed to billing, whose staff ask the citizen a question (the case then waits for them).</summary>
    private async Task<string> AskTheCitizenAsync()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        using var edesk = await _app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).EnsureSuccessStatusCode();
        using var billing = await _app.LoginAsync("staff.billing");
        var answer = (await CaseApi.TaskForAsync(billing, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(billing, answer, "ask", new { question = Question })).EnsureSuccessStatusCode();
        return code;
    }

    private static string Shot(string name) => Path.Combine(RepositoryFolder.Artifacts("screenshots"), name + ".png");

    private static async Task AssertAxeAsync(IPage page)
    {
        var result = await page.RunAxe();
        var failures = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
