using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Timers;

namespace Sked.Workflows.Web.Features.Health;

/// <summary>GET /health: 200 once the database answers, definitions are loaded and the timer poller runs.</summary>
public static class HealthEndpoint
{
    public sealed record Report(string Status, bool Database, bool Engine, bool Scheduler);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health", async (SkedDbContext db, DatabaseInitializer initializer, DueTimerPoller timers, CancellationToken ct) =>
        {
            var database = await db.Database.CanConnectAsync(ct);
            var report = new Report("ok", database, initializer.Ready, timers.Running);
            var healthy = report.Database && report.Engine && report.Scheduler;
            return healthy ? Results.Ok(report) : Results.Json(report with { Status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithTags("Health");
        return app;
    }
}
