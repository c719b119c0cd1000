using System.Net;
using OpenTelemetry.Metrics;
using Sked.Workflows.Infrastructure.Telemetry;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// OpenTelemetry metrics exported for Prometheus at <c>/metrics</c>: the framework's own (requests by
/// route and status with their latency, Kestrel's connections, the runtime's GC and threads) and the
/// app's (<see cref="SkedMetrics"/>). Only scrapers from <c>Metrics:AllowedNetworks</c> (loopback by
/// default) are answered; anyone else gets 404, so the figures tell an outsider nothing.
/// </summary>
public static class Metrics
{
    private const string Path = "/metrics";

    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SkedMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? ["127.0.0.0/8", "::1/128"])
            .Select(IPNetwork.Parse).ToList();
        app.UseWhen(context => context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            var from = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
            if (from is null || !allowed.Exists(network => network.Contains(from)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next();
        }));
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
