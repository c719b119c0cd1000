using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>
/// The sender of a letter answers the unit's question on the tracking page at 390 px: a wrong password shows
/// neither the letter nor the question; the right one shows the question and the reply form, and the reply
/// resumes the letter's circulation.
/// </summary>
public sealed class LetterReplyTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private const string Question = "شماره و تاریخ قبض مورد اعتراض را بنویسید.";
    private const string Answer = "قبض شماره ۸۸۲۱ مورخ ۱۴۰۵/۰۸/۱۲ است.";
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
    public async Task TheSender_AnswersTheUnitsQuestionWithTheLettersPassword_AndTheLetterCirculatesAgain()
    {
        var (code, password) = await AskTheSenderAsync();
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/track?code=" + code);
        await page.Locator("#password").FillAsync("00000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error, #code-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".timeline")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveCountAsync(0);

        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(Question);
        await Assertions.Expect(page.Locator("#reply-text")).ToBeVisibleAsync();
        await page.Locator("#reply-text").FillAsync(Answer);
        await page.ScreenshotAsync(new() { Path = Shot("portal-track-letter-reply-form-390"), FullPage = true });
        await AssertAxeAsync(page);
        await page.Locator("#reply-send").ClickAsync();

        await Assertions.Expect(page.Locator("#reply-sent")).ToHaveTextAsync("پاسخ شما رسید؛ رسیدگی و مهلت پاسخ دوباره روان شد.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(Answer);
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveCountAsync(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Chromium.CitizenWidth, $"the tracking page is {width}px wide");
        await page.ScreenshotAsync(new() { Path = Shot("portal-track-letter-reply-sent-390"), FullPage = true });
        Assert.Equal(Domain.Cases.CaseStatuses.InCirculation, (await CaseApi.TrackAsync(_app.Anonymous(), code, password))["status"]!.GetValue<string>());
    }

    /// <summary>A letter registered by the secretariat and referred to billing, whose unit asks the sender a question.</summary>
    private async Task<(string Code, string Password)> AskTheSenderAsync()
    {
        using var secretariat = await _app.LoginAsync("secretariat");
        var registered = await secretariat.PostAsJsonAsync("/api/v1/letters", new
        {
            subject = "اعتراض به مبلغ قبض",
            body = "نامه شماره ۴۵ درباره مبلغ قبض برق",
            letterNumber = "۴۵/ب",
            letterDate = "۱۴۰۵/۰۹/۰۱",
            citizen = new { name = "حسن کریمی", nationalCode = "0499370899", mobile = "09151234567" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var letter = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = letter["trackingCode"]!.GetValue<string>();
        var referral = (await CaseApi.TaskForAsync(secretariat, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(secretariat, referral, "refer", new { department = "billing" })).EnsureSuccessStatusCode();
        using var billing = await _app.LoginAsync("staff.billing");
        var action = (await CaseApi.TaskForAsync(billing, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(billing, action, "ask", new { question = Question })).EnsureSuccessStatusCode();
        return (code, letter["password"]!.GetValue<string>());
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
