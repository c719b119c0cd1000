using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>
/// The citizen's receipt and forms as a new user meets them at 390 px (issue 17, points 7 and 8): the
/// receipt names the company and the answer type and carries the tracking address with its QR code;
/// the forms speak Persian only, count characters and cut nothing.
/// </summary>
public sealed class ReceiptAndFormTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
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

    [Theory]
    [InlineData("public", "عمومی", "دفتر مدیرعامل پاسخ را تأیید می‌کند")]
    [InlineData("private", "خصوصی", "مستقیم به دفتر مدیرعامل می‌رسد")]
    public async Task CeoQuestionReceipt_NamesTheCompany_TheAnswerType_TheTrackingAddressAndItsQrCode(string answerType, string typeLabel, string nextStep)
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/ceo");
        await page.GetByLabel(answerType == "private" ? "پاسخ خصوصی" : "پاسخ عمومی").CheckAsync();
        await page.Locator("#subject").FillAsync("تعرفه برق تابستان");
        await page.Locator("#body").FillAsync("تعرفه برق خانگی در ماه‌های گرم چگونه محاسبه می‌شود؟");
        await FillContactAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال پرسش" }).ClickAsync();
        await page.ForReceiptAsync();
        var code = (await page.Locator("#tracking-code").GetAttributeAsync("data-code"))!;

        await Assertions.Expect(page.Locator(".receipt-company")).ToContainTextAsync("شرکت توزیع نیروی برق جنوب استان کرمان");
        await Assertions.Expect(page.Locator(".receipt-company img")).ToHaveAttributeAsync("src", "/favicon.svg");
        await Assertions.Expect(page.Locator("#answer-type")).ToContainTextAsync(typeLabel);
        await Assertions.Expect(page.Locator("#next-step")).ToContainTextAsync(nextStep);
        var address = new Uri(_app.BaseAddress, "/track?code=" + code).ToString();
        await Assertions.Expect(page.Locator("#tracking-address")).ToHaveTextAsync(address);
        await Assertions.Expect(page.Locator("#tracking-address")).ToHaveAttributeAsync("href", address);
        var qr = await page.Locator("#tracking-qr").GetAttributeAsync("src");
        Assert.StartsWith("data:image/png;base64,", qr, StringComparison.Ordinal);
        var loaded = await page.Locator("#tracking-qr").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(loaded > 100, $"the QR image is {loaded}px wide");

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Chromium.CitizenWidth, $"the receipt is {width}px wide");
        await page.ScreenshotAsync(new() { Path = Shot($"portal-receipt-ceo-{answerType}-390"), FullPage = true });
        await AssertAxeAsync(page);
    }

    [Fact]
    public async Task LongSubjectAndBody_AreCountedNotCut_AndTheServerSaysInPersianWhatIsTooLong()
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/send/complaint");
        await Assertions.Expect(page.Locator("#subject-count")).ToHaveTextAsync("۰ از ۲۰۰ نویسه");
        await Assertions.Expect(page.Locator("#body-count")).ToHaveTextAsync("۰ از ۴٬۰۰۰ نویسه");
        var subject = new string('ب', 210);
        var body = string.Concat(Enumerable.Repeat("برق کوچه ما قطع است. ", 200))[..4005];
        await page.Locator("#subject").FillAsync(subject);
        await page.Locator("#body").FillAsync(body);

        // Nothing is cut in the browser; the counters say by how much each text is over.
        Assert.Equal(210, (await page.Locator("#subject").InputValueAsync()).Length);
        Assert.Equal(4005, (await page.Locator("#body").InputValueAsync()).Length);
        await Assertions.Expect(page.Locator("#subject-count")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        await Assertions.Expect(page.Locator("#subject-count")).ToContainTextAsync("۲۱۰ از ۲۰۰ نویسه — ۱۰ نویسه بیش از اندازه");
        await Assertions.Expect(page.Locator("#body-count")).ToContainTextAsync("۴٬۰۰۵ از ۴٬۰۰۰ نویسه");
        await page.ScreenshotAsync(new() { Path = Shot("portal-send-counters-390"), FullPage = true });

        await FillContactAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subject-error")).ToContainTextAsync("نباید بیش از ۲۰۰ نویسه باشد");
        await Assertions.Expect(page.Locator("#body-error")).ToContainTextAsync("نباید بیش از ۴٬۰۰۰ نویسه باشد");
        // The text comes back whole, to be shortened by its writer.
        Assert.Equal(210, (await page.Locator("#subject").InputValueAsync()).Length);
        await Assertions.Expect(page.Locator("#subject-count")).ToContainTextAsync("۲۱۰ از ۲۰۰");
        await AssertAxeAsync(page);
    }

    [Fact]
    public async Task EmptyReport_IsAnsweredInPersian_AndThePhotoButtonSpeaksPersian()
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/report");
        // The form is checked by the server (novalidate): no English bubble from the browser.
        Assert.True(await page.Locator("form[novalidate]").CountAsync() > 0);
        await Assertions.Expect(page.Locator("#photos-button")).ToHaveTextAsync("انتخاب عکس");
        await Assertions.Expect(page.Locator("#photos-button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#photos-chosen")).ToHaveTextAsync("عکسی انتخاب نشده است.");
        var nativeWidth = await page.Locator("#photos").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.True(nativeWidth <= 1, "the browser's own file button is not shown");

        var photo = Path.Combine(databases.NewFolder(), "pole.png");
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(64, 48))
        {
            await SixLabors.ImageSharp.ImageExtensions.SaveAsPngAsync(image, photo);
        }

        await page.Locator("#photos").SetInputFilesAsync(photo);
        await Assertions.Expect(page.Locator("#photos-chosen")).ToHaveTextAsync("۱ عکس انتخاب شد: pole.png");
        await page.ScreenshotAsync(new() { Path = Shot("portal-report-photo-chosen-390"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال گزارش" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subject-error")).ToContainTextAsync("را وارد کنید");
        await Assertions.Expect(page.Locator("#body-error")).ToContainTextAsync("را وارد کنید");
        await Assertions.Expect(page.Locator("#category-error")).ToBeVisibleAsync();
        var errors = await page.Locator(".error").AllInnerTextsAsync();
        Assert.All(errors, e => Assert.DoesNotMatch("[A-Za-z]{4,}", e));
        await page.ScreenshotAsync(new() { Path = Shot("portal-report-errors-390"), FullPage = true });
        await AssertAxeAsync(page);
    }

    private static async Task FillContactAsync(IPage page)
    {
        await page.Locator("#name").FillAsync("علی رضایی");
        await page.Locator("#nationalCode").FillAsync("۰۴۹۹۳۷۰۸۹۹");
        await page.Locator("#mobile").FillAsync("۰۹۱۲۳۴۵۶۷۸۹");
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
