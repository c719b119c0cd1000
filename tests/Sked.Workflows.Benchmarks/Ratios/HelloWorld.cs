using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// The reads' reference: Kestrel answering a constant string, nothing else (no middleware, no
/// database), in this process on 127.0.0.1 and a free port — what the machine can serve at all.
/// </summary>
internal static class HelloWorld
{
    public const string Path = "/hello";

    public static Task<SlimServer> StartAsync() => SlimServer.StartAsync(app => app.MapGet(Path, () => Results.Text("سلام")));
}
