using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// A reference server: Kestrel from <c>WebApplication.CreateSlimBuilder()</c> with only the endpoints
/// given (no middleware, no logging), in this process on 127.0.0.1 and a free port.
/// </summary>
internal sealed class SlimServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SlimServer(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public static async Task<SlimServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new SlimServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
