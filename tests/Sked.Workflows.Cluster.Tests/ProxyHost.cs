using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Proxy;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>The proxy (src/Sked.Workflows.Proxy), hosted in the test process on a free port in front of the nodes.</summary>
public sealed class ProxyHost : IAsyncDisposable
{
    /// <summary>YARP's cookie affinity policy protects the node's name for a purpose named after its own type.</summary>
    private const string AffinityCookiePurpose = "Yarp.ReverseProxy.SessionAffinity.CookieSessionAffinityPolicy";

    private readonly WebApplication _app;

    private ProxyHost(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    public static async Task<ProxyHost> StartAsync(params Uri[] nodes)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Proxy:HealthCheckSeconds=1",
            "--Logging:LogLevel:Default=Warning",
            .. nodes.Select((node, i) => $"--Proxy:Nodes:{i}={node.ToString().TrimEnd('/')}"),
        ];
        var app = ProxyApp.Create(args);
        await app.StartAsync();
        return new ProxyHost(app);
    }

    /// <summary>The node (node-a, node-b) an affinity cookie's value names, read with the proxy's own keys; null if it names none.</summary>
    public string? NodeNamedBy(string cookieValue)
    {
        var protector = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(AffinityCookiePurpose);
        // The policy writes unpadded base64, and the cookie's value arrives escaped.
        var base64 = Uri.UnescapeDataString(cookieValue);
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(base64)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
