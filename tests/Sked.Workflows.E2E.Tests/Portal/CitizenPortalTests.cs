using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>A citizen on a phone-sized Chromium uses every channel in Persian, end to end.</summary>
public sealed class CitizenPortalTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
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
    public async Task Complaint_SentInPersian_GivesAReceipt_AndTheAnswerShowsOnTheTrackingPage()
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/send/complaint");
        await page.Locator("#subject").FillAsync("قطعی مکرر برق");
        await page.Locator("#body").FillAsync("برق کوچه ما هر شب قطع و وصل می‌شود و وسایل خانه آسیب دیده است.");
        await FillContactAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();

        var code = await ReceiptCodeAsync(page);
        await Assertions.Expect(page.Locator(".receipt")).ToContainTextAsync("پاسخ تا این تاریخ");
        await new CaseDriver(_app).DriveAsync(code);

        await TrackAsync(page, PersianDigits(code));
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("پاسخ داده شد");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("پاسخ کارشناس");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("دریافت و ثبت شد");
    }

    [Theory]
    [InlineData("request", "درخواست")]
    [InlineData("suggestion", "پیشنهاد")]
    public async Task RequestAndSuggestion_AreSentFromTheirTabs(string kind, string tab)
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/send/complaint");
        await page.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
        // Both pages have the same form: type only once the tab's own page has loaded.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/send/{kind}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        await page.Locator("#subject").FillAsync("موضوع " + tab);
        await page.Locator("#body").FillAsync("متن " + tab + " برای آزمایش سامانه ارتباط با مشتری");
        await FillContactAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();

        var code = await ReceiptCodeAsync(page);
        var tracked = await CaseApi.TrackAsync(_app.Anonymous(), code);
        Assert.Equal(kind, tracked["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("private")]
    [InlineData("public")]
    public async Task QuestionToTheCeo_IsSentWithItsAnswerType(string answerType)
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/ceo");
        await page.GetByLabel(answerType == "private" ? "پاسخ خصوصی" : "پاسخ عمومی").CheckAsync();
        await page.Locator("#subject").FillAsync("تعرفه برق");
        await page.Locator("#body").FillAsync("تعرفه برق خانگی در تابستان چگونه محاسبه می‌شود؟");
        await FillContactAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال پرسش" }).ClickAsync();

        var code = await ReceiptCodeAsync(page);
        await new CaseDriver(_app).DriveAsync(code);
        await TrackAsync(page, code);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("پاسخ داده شد");
    }

    [Fact]
    public async Task AnonymousReport_WithAPointOnTheMapAndAPhoto_IsStoredWithoutThePhotosMetadata()
    {
        var photo = PhotoWithGps();
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/report");
        await page.Locator("#category").SelectOptionAsync("hazard");
        await page.Locator("#subject").FillAsync("سیم افتاده");
        await page.Locator("#body").FillAsync("یک سیم برق کنار پیاده‌رو افتاده و خطرناک است.");
        await page.Locator("#map.leaflet-container").ClickAsync(new() { Position = new Position { X = 150, Y = 100 } });
        await Assertions.Expect(page.Locator("#picked")).ToHaveTextAsync("محل روی نقشه انتخاب شد.");
        await page.Locator("#photos").SetInputFilesAsync(photo);
        await page.GetByLabel("ناشناس بمانم").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال گزارش" }).ClickAsync();

        var code = await ReceiptCodeAsync(page);
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var stored = await db.Cases.SingleAsync(c => c.TrackingCode == code);
        Assert.True(stored.Anonymous);
        Assert.NotNull(stored.Latitude);
        Assert.Null(stored.Citizen.Mobile);
        var attachment = await db.Attachments.SingleAsync(a => a.CaseId == stored.Id);
        using var saved = Image.Load(attachment.Content);
        Assert.Null(saved.Metadata.ExifProfile);
        Assert.Equal("image/jpeg", attachment.ContentType);
    }

    [Fact]
    public async Task FileThatIsNotAPhoto_IsRefusedInPersian_AndTheFormKeepsItsText()
    {
        var fake = Path.Combine(databases.NewFolder(), "photo.jpg");
        await File.WriteAllTextAsync(fake, "not really a picture");
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/report");
        await page.Locator("#category").SelectOptionAsync("meter-tampering");
        await page.Locator("#subject").FillAsync("دستکاری کنتور");
        await page.Locator("#body").FillAsync("کنتور همسایه دستکاری شده است و کار نمی‌کند.");
        await page.Locator("#address").FillAsync("کرمان، خیابان شهید بهشتی");
        await page.Locator("#photos").SetInputFilesAsync(fake);
        await page.GetByLabel("ناشناس بمانم").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال گزارش" }).ClickAsync();

        await Assertions.Expect(page.Locator("#photos-error")).ToContainTextAsync("JPEG یا PNG نیست");
        await Assertions.Expect(page.Locator("#subject")).ToHaveValueAsync("دستکاری کنتور");
        await Assertions.Expect(page.Locator("#address")).ToHaveValueAsync("کرمان، خیابان شهید بهشتی");
    }

    [Fact]
    public async Task WrongNationalCode_ShowsAPersianErrorNextToIt_AndKeepsEverythingElse()
    {
        var page = await _phone.NewPageAsync();
        await page.GotoAsync("/send/complaint");
        await page.Locator("#subject").FillAsync("قبض اشتباه");
        await page.Locator("#body").FillAsync("مبلغ قبض این ماه چند برابر همیشه است.");
        await page.Locator("#name").FillAsync("زهرا موسوی");
        await page.Locator("#nationalCode").FillAsync("1234567890");
        await page.Locator("#mobile").FillAsync("۰۹۱۳۱۲۳۴۵۶۷");
        await page.GetByRole(AriaRole.Button, new() { Name = "ارسال و دریافت کد رهگیری" }).ClickAsync();

        await Assertions.Expect(page.Locator("#nationalCode-error")).ToContainTextAsync("کد ملی معتبر نیست");
        await Assertions.Expect(page.Locator("#nationalCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#subject")).ToHaveValueAsync("قبض اشتباه");
        await Assertions.Expect(page.Locator("#body")).ToHaveValueAsync("مبلغ قبض این ماه چند برابر همیشه است.");
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("زهرا موسوی");
        await Assertions.Expect(page.Locator("#mobile")).ToHaveValueAsync("۰۹۱۳۱۲۳۴۵۶۷");
    }

    [Fact]
    public async Task Letter_IsTrackedWithCodeAndPassword_AndAWrongPasswordSaysNothingMore()
    {
        var secretariat = await _app.LoginAsync("secretariat");
        var registered = await secretariat.PostAsJsonAsync("/api/v1/letters", new
        {
            subject = "درخواست جابه‌جایی تیر برق",
            letterNumber = "۴۵۶",
            letterDate = "۱۴۰۵/۰۹/۰۵",
            citizen = new { name = "حسین نوری", nationalCode = "0499370899", mobile = "09171234567" },
        });
        var letter = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = letter["trackingCode"]!.GetValue<string>();
        var page = await _phone.NewPageAsync();

        await TrackAsync(page, code, "99999999");
        await Assertions.Expect(page.Locator("#code-error")).ToHaveTextAsync("پیامی با این کد رهگیری و رمز پیدا نشد.");
        await TrackAsync(page, TrackingCodeNobodyHas(code));
        await Assertions.Expect(page.Locator("#code-error")).ToHaveTextAsync("پیامی با این کد رهگیری و رمز پیدا نشد.");

        await TrackAsync(page, code, letter["password"]!.GetValue<string>());
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("در دبیرخانه ثبت شد");
    }

    [Fact]
    public async Task EveryCitizenPage_IsRightToLeft_PassesAxe_AndIsPhotographedAtPhoneWidth()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        string[] pages = ["/", "/send/complaint", "/report", "/ceo", "/track", "/faq", "/contact", $"/receipt/{code}"];
        var screenshots = RepositoryFolder.Artifacts("screenshots");
        var page = await _phone.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fa");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"{path} is {width}px wide on a 360px phone");
            var name = path == "/" ? "home" : path.Trim('/').Split('/')[0];
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"portal-{name}-360.png"), FullPage = true });

            var result = await page.RunAxe();
            failures.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task FillContactAsync(IPage page)
    {
        await page.Locator("#name").FillAsync("علی رضایی");
        await page.Locator("#nationalCode").FillAsync("۰۴۹۹۳۷۰۸۹۹");
        await page.Locator("#mobile").FillAsync("۰۹۱۲۳۴۵۶۷۸۹");
    }

    private static async Task<string> ReceiptCodeAsync(IPage page)
    {
        await page.ForReceiptAsync();
        var code = await page.Locator("#tracking-code").GetAttributeAsync("data-code");
        Assert.Matches("^[0-9]{14}$", code);
        return code!;
    }

    private static async Task TrackAsync(IPage page, string code, string? password = null)
    {
        await page.GotoAsync("/track");
        await page.Locator("#code").FillAsync(code);
        if (password is not null)
        {
            await page.Locator("#password").FillAsync(password);
        }

        // The answer is a new page from the same address; every caller waits on what that page shows
        // (a load-state wait here could miss the navigation and hang).
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری", Exact = true }).ClickAsync();
    }

    private static string PersianDigits(string code) => new(code.Select(c => (char)('۰' + (c - '0'))).ToArray());

    private static string TrackingCodeNobodyHas(string code)
    {
        var other = Domain.TrackingCodes.TrackingCode.New().Value;
        return other == code ? TrackingCodeNobodyHas(code) : other;
    }

    /// <summary>A JPEG carrying GPS coordinates in its EXIF, as a phone camera writes it.</summary>
    private string PhotoWithGps()
    {
        using var image = new Image<Rgb24>(640, 480, new Rgb24(200, 120, 40));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.Model, "Phone Camera");
        var path = Path.Combine(databases.NewFolder(), "hazard.jpg");
        image.SaveAsJpeg(path);
        using var check = Image.Load(path);
        Assert.NotNull(check.Metadata.ExifProfile);
        return path;
    }
}
