using System.Net;
using Sked.Workflows.Proxy;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>A browser talking to the proxy: it keeps its cookies, among them the proxy's affinity cookie.</summary>
public sealed class ProxyBrowser : IDisposable
{
    private readonly ProxyHost _proxy;

    public ProxyBrowser(ProxyHost proxy)
    {
        _proxy = proxy;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>A new browser that the proxy sent to <paramref name="node"/>: browsers ask once each until the round robin puts one there.</summary>
    public static async Task<ProxyBrowser> OnNodeAsync(ProxyHost proxy, string node)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var browser = new ProxyBrowser(proxy);
            (await browser.Client.GetAsync("/health/live")).EnsureSuccessStatusCode();
            if (browser.Node == node)
            {
                return browser;
            }

            browser.Dispose();
        }

        throw new InvalidOperationException($"the proxy sent none of ten new browsers to {node}");
    }

    /// <summary>The node the affinity cookie names (node-a, node-b), or null before the proxy set one.</summary>
    public string? Node => Cookies.GetCookies(_proxy.Address)[ProxyApp.AffinityCookie] is { } cookie ? _proxy.NodeNamedBy(cookie.Value) : null;

    public void Dispose() => Client.Dispose();
}
