using Microsoft.Playwright;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Portal;

/// <summary>
/// Waits for the receipt after a citizen's form was sent. When it does not come, the failure says
/// what the citizen saw instead (the address, the field errors, the page's text) and keeps a
/// screenshot, so a CI failure can be read without running it again.
/// </summary>
public static class ReceiptWait
{
    public static async Task ForReceiptAsync(this IPage page)
    {
        try
        {
            await page.WaitForURLAsync("**/receipt/*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException timeout)
        {
            var shot = Path.Combine(RepositoryFolder.Artifacts("screenshots"), "no-receipt-" + Guid.NewGuid().ToString("N")[..8] + ".png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new InvalidOperationException($"No receipt: the page is {page.Url} ({shot}) and says: {text[..Math.Min(text.Length, 1500)]}", timeout);
        }
    }
}
