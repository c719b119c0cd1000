using Microsoft.AspNetCore.Builder;
using Sked.Workflows.Proxy;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>The proxy (src/Sked.Workflows.Proxy), hosted in the test process on a free port in front of the nodes.</summary>
public sealed class ProxyHost : IAsyncDisposable
{
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
