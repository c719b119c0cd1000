using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>
/// Behind TLS (issue 16, defect 9): with <c>Https:Enabled</c> the cookies are HTTPS-only and a request
/// that reached the proxy over HTTPS gets HSTS; without it (a loopback trial) neither.
/// </summary>
public sealed class HttpsOnlyTests(TestDatabases databases)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CookiesAndHsts_FollowTheSetting(bool https)
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Https:Enabled"] = https ? "true" : "false",
            ["Proxy:TrustedProxies:0"] = "127.0.0.1",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        // As the proxy forwards a browser's HTTPS request for the company's host name.
        request.Headers.Host = "sked.example.ir";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        using var response = await app.Anonymous().SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Equal(https, c.Contains("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(https, response.Headers.Contains("Strict-Transport-Security"));
    }
}
