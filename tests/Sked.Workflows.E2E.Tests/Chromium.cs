using Microsoft.Playwright;

namespace Sked.Workflows.E2E.Tests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium), driven by Playwright for .NET. No browser is downloaded;
/// the test script installs the Debian package when it is missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException("Chromium is missing: apt-get install -y chromium (scripts/test.sh does this).");
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The citizen pages' main width (issue 17 walks them at 390 px).</summary>
    public const int CitizenWidth = 390;

    /// <summary>A fresh browser context the size of a phone (360 px wide unless told), in Persian.</summary>
    public async Task<IBrowserContext> PhoneAsync(Uri baseAddress, int width = 360)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 780 },
            Locale = "fa-IR",
            IsMobile = true,
            HasTouch = true,
        });
        // CI runs every suite at once on two cores; patience here is not slowness elsewhere.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
