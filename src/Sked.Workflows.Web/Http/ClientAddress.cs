using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// Who a client is, for the rate limits: its IPv4 address, or its IPv6 /64 — one subscriber's whole
/// network, so an attacker cannot take a fresh allowance for each of the 2⁶⁴ addresses it holds.
/// Behind a reverse proxy the client is the one the proxy names in X-Forwarded-For, believed only
/// from the proxies listed in <c>Proxy:TrustedProxies</c> (README, settings).
/// </summary>
public static class ClientAddress
{
    public const string TrustedProxiesKey = "Proxy:TrustedProxies";

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Reads the proxies' forwarded headers, when (and only from where) configuration says there are proxies.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [];
        if (proxies.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
