using System.Net;
using Sked.Workflows.Proxy;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>A browser talking to the proxy: it keeps its cookies, among them the proxy's affinity cookie.</summary>
public sealed class ProxyBrowser : IDisposable
{
    private readonly ProxyHost _proxy;
    private readonly CookieContainer _cookies = new();

    public ProxyBrowser(ProxyHost proxy)
    {
        _proxy = proxy;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies => _cookies;

    /// <summary>The node the affinity cookie names (node-a, node-b), or null before the proxy set one.</summary>
    public string? Node => _cookies.GetCookies(_proxy.Address)[ProxyApp.AffinityCookie] is { } cookie ? _proxy.NodeNamedBy(cookie.Value) : null;

    public void Dispose() => Client.Dispose();
}
