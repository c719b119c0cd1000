using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>
/// A citizen sends a complaint while the database is down (issue 16, point 4): the answer is the Persian
/// "try again in a minute" page, and going back finds the form as typed, to send again once the database
/// is back. Its own PostgreSQL server, since the test stops it.
/// </summary>
public sealed class OutagePageTests(Chromium chromium)
{
    private const string Subject = "خاموشی هر شب ساعت نه";
    private const string Body = "از هفته گذشته هر شب برق کوچه ما قطع می‌شود و یخچال خراب شده است.";

    [Fact]
    public async Task AComplaintSentWhileTheDatabaseIsDown_GetsThePersianPage_AndTheFormKeepsWhatWasTyped()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var app = await TestApp.StartAsync(new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()));
        await using var phone = await chromium.PhoneAsync(app.BaseAddress, Chromium.CitizenWidth);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/send/complaint");
        await page.Locator("#subject").FillAsync(Subject);
        await page.Locator("#body").FillAsync(Body);
        await page.Locator("#name").FillAsync("مریم احمدی");
        await page.Locator("#mobile").FillAsync("۰۹۱۲۳۴۵۶۷۸۹");

        await postgres.StopAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("یک دقیقهٔ دیگر");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryFolder.Artifacts("screenshots"), "portal-database-down-390.png"), FullPage = true });

        await postgres.StartAgainAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#subject")).ToHaveValueAsync(Subject);
        await Assertions.Expect(page.Locator("#body")).ToHaveValueAsync(Body);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();
        await page.ForReceiptAsync();
    }
}
