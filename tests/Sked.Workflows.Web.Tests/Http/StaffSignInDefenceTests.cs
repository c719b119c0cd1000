using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>
/// The sign-in surface as an attacker meets it (issue 16): no 500 for a malformed login, no
/// endpoints that only answer 404 listed in the API document, logins limited per address, and a
/// staff member's cookie useless to another site's page. Store-independent, so on SQLite.
/// </summary>
public sealed class StaffSignInDefenceTests(TestDatabases databases)
{
    [Fact]
    public async Task LoginWithNullFields_Is400_WithAPersianTitle()
    {
        await using var app = await StartAsync();
        using var body = new StringContent("{\"email\":null,\"password\":null}", Encoding.UTF8, "application/json");
        using var response = await app.Anonymous().PostAsync("/login", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("گذرواژه", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedIdentityEndpoints_Answer404_AndAreNotInTheApiDocument()
    {
        await using var app = await StartAsync();
        var staff = await app.LoginAsync("edesk");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/manage/info")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/manage/info", new { newEmail = "x@example.test" })).StatusCode);
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var closed in new[] { "\"/register\"", "\"/forgotPassword\"", "\"/resetPassword\"", "\"/manage/info\"", "\"/confirmEmail\"" })
        {
            Assert.DoesNotContain(closed, document, StringComparison.Ordinal);
        }

        Assert.Contains("\"/login\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiLogins_CountAgainstTheLoginLimit()
    {
        await using var app = await StartAsync(("RateLimits:LoginsPerMinute", "3"));
        var guesser = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await guesser.PostAsJsonAsync("/login", new { email = "edesk", password = "wrong-" + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..^1]);
    }

    [Fact]
    public async Task LogoutWithoutTheFormsToken_LeavesTheSessionAlone()
    {
        await using var app = await StartAsync();
        var browser = await SignInWithCookieAsync(app, "edesk");

        using var forged = await browser.PostAsync("/staff/logout", null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var inbox = await browser.GetAsync("/staff");
        Assert.DoesNotContain("/staff/login", inbox.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWriteWithTheStaffCookie_FromAnotherSitesPage_Is403_AndFromOurOwnPasses()
    {
        await using var app = await StartAsync();
        var browser = await SignInWithCookieAsync(app, "edesk");

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices/read");
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await browser.SendAsync(foreign);

        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices/read");
        own.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var allowed = await browser.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(allowed.IsSuccessStatusCode, $"same-origin write answered {allowed.StatusCode}");
    }

    /// <summary>Signs in through the staff login form, as a browser does: the client then carries the cookie.</summary>
    private static async Task<HttpClient> SignInWithCookieAsync(TestApp app, string userName)
    {
        var browser = app.Anonymous();
        var token = await AntiforgeryToken.ReadAsync(browser, "/staff/login");
        using var form = new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&_handler=staff-login&Login.UserName={userName}&Login.Password={Uri.EscapeDataString(TestApp.Password)}",
            Encoding.UTF8, "application/x-www-form-urlencoded");
        using var signedIn = await browser.PostAsync("/staff/login", form);
        Assert.DoesNotContain("/staff/login", signedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return browser;
    }

    private async Task<TestApp> StartAsync(params (string Key, string Value)[] settings) =>
        await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite),
            settings: settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
}
