using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>axe on the page as it is now: no serious or critical violation.</summary>
public static class PageAxe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var failures = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
