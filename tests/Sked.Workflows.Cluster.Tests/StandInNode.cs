using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>
/// A node stand-in behind the real proxy, for the moments a real node's death hits too rarely to test on
/// purpose: it can drop every request it is handed without a word (a node killed with the request in hand), or
/// stop listening (killed between requests: the connection is refused). It keeps no connection open between
/// requests. Until then it answers
/// <c>/health/live</c>, and every other request with its name; it remembers what it was asked.
/// </summary>
public sealed class StandInNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _drops;

    private StandInNode(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }
    public Uri Address => new(_app.Urls.First());

    /// <summary>"GET /track", "POST /api/v1/cases", … in the order they arrived (health checks left out).</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public static async Task<StandInNode> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var node = new StandInNode(name, app);
        // No connection is kept open for the proxy to reuse. A request the proxy writes on a kept connection that
        // the node closed as it stopped fails as if the node had dropped it (the proxy cannot tell which), so
        // "the next connection is refused" would hold only when the proxy noticed the close in time.
        app.Use((context, next) =>
        {
            context.Response.Headers.Connection = "close";
            return next(context);
        });
        app.MapGet("/health/live", () => "Healthy");
        app.Map("/{**rest}", node.AnswerAsync);
        await app.StartAsync();
        return node;
    }

    /// <summary>From now on every request is read and then left unanswered: the connection closes under it.</summary>
    public void DropEverything() => _drops = true;

    /// <summary>Closes the port: the next connection is refused.</summary>
    public Task StopListeningAsync() => _app.StopAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        Asked.Enqueue($"{context.Request.Method} {context.Request.Path}");
        if (_drops)
        {
            context.Abort();
            return;
        }

        await context.Response.WriteAsync(Name);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
