using System.Net;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>Who counts as one client for the rate limits (issue 16): an IPv6 /64 is one, a proxy's clients are many.</summary>
public sealed class ClientAddressTests(TestDatabases databases)
{
    [Fact]
    public void AddressesOfOneIpv6Network_ShareOneAllowance_OthersDoNot()
    {
        var a = ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var b = ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        var other = ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:3::1"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal("192.0.2.7", ClientAddress.PartitionKey(IPAddress.Parse("::ffff:192.0.2.7")));
    }

    [Fact]
    public async Task ForwardedFor_CountsTheRealClient_OnlyFromATrustedProxy()
    {
        var trusted = await LookupsAsync(("Proxy:TrustedProxies:0", "127.0.0.1"));
        var untrusted = await LookupsAsync();

        // Behind the trusted proxy each citizen has an allowance of their own; a forged header from anyone else changes nothing.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, trusted);
        Assert.Contains(HttpStatusCode.TooManyRequests, untrusted);
    }

    /// <summary>Four lookups with a limit of two, each claiming a different client in X-Forwarded-For.</summary>
    private async Task<List<HttpStatusCode>> LookupsAsync(params (string Key, string Value)[] settings)
    {
        var all = settings.Append(("RateLimits:TrackingPerMinute", "2")).ToDictionary(s => s.Item1, s => s.Item2, StringComparer.Ordinal);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: all);
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/12345");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
