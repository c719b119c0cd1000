using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// The reads' reference: Kestrel answering a constant string, nothing else (no middleware, no
/// database), in this process on 127.0.0.1 and a free port — what the machine can serve at all.
/// </summary>
internal sealed class HelloWorld : IAsyncDisposable
{
    public const string Path = "/hello";

    private readonly WebApplication _app;

    private HelloWorld(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public static async Task<HelloWorld> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet(Path, () => Results.Text("سلام"));
        await app.StartAsync();
        return new HelloWorld(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
