using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sked.Workflows.Web.Features.Health;

/// <summary>
/// The framework's health checks (docs/operations.md): <c>/health/live</c> answers while the process
/// serves (for a proxy deciding where to send traffic: the database is shared, so its outage is no
/// reason to prefer one node); <c>/health/ready</c>, and <c>/health</c> as before, runs every check —
/// the database, the engine and its timer poller, and the backlog — and answers 503 when any fails.
/// </summary>
public static class HealthEndpoint
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection("Health"));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<EngineHealthCheck>("engine", tags: [Ready])
            .AddCheck<BacklogHealthCheck>("backlog", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).WithTags("Health");
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready).WithTags("Health");
        app.MapHealthChecks("/health", ready).WithTags("Health");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = Word(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = Word(e.Value.Status), description = e.Value.Description, data = e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
