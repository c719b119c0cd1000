using System.Net;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>
/// The limits are for citizens' forms and password guessing: staff behind the office's one address
/// open page after page (each opens a live connection) without being turned away.
/// </summary>
public sealed class StaffRateLimitTests(TestDatabases databases)
{
    [Fact]
    public async Task StaffOpeningManyPages_IsNotCountedAgainstTheCitizensFormLimit()
    {
        await using var app = await StartAsync(("RateLimits:SubmissionsPerMinute", "2"));
        var staff = await app.LoginAsync("edesk");

        var connections = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await staff.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
            connections.Add(response.StatusCode);
        }

        Assert.All(connections, s => Assert.Equal(HttpStatusCode.OK, s));
        var citizen = await FormPostsAsync(app.Anonymous(), "/send/complaint", "_handler=send-case", 3);
        Assert.Equal(HttpStatusCode.TooManyRequests, citizen[^1]);
    }

    [Fact]
    public async Task GuessingStaffPasswords_IsThrottledOnItsOwn_WithAPersianPage()
    {
        await using var app = await StartAsync(("RateLimits:LoginsPerMinute", "3"), ("RateLimits:SubmissionsPerMinute", "3"));
        var guesser = app.Anonymous();

        var logins = await FormPostsAsync(guesser, "/staff/login", "_handler=staff-login&Login.UserName=edesk&Login.Password=wrong", 4);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], logins);
        using var refused = await guesser.PostAsync("/staff/login", null);
        Assert.Contains("بیش از حد مجاز", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A citizen at the same address still has the whole allowance for forms.
        var citizen = await FormPostsAsync(guesser, "/send/complaint", "_handler=send-case", 3);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, citizen);
    }

    private async Task<TestApp> StartAsync(params (string Key, string Value)[] settings) =>
        await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite),
            settings: settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));

    /// <summary>Posts a page's form (with its antiforgery token) the given number of times; the statuses in order.</summary>
    private static async Task<List<HttpStatusCode>> FormPostsAsync(HttpClient client, string path, string fields, int times)
    {
        var token = await Http.AntiforgeryToken.ReadAsync(client, path);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var body = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{fields}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await client.PostAsync(path, body);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
