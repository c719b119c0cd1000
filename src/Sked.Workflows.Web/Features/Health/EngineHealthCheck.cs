using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Timers;

namespace Sked.Workflows.Web.Features.Health;

/// <summary>The workflow definitions are loaded and the due-timer poller runs.</summary>
public sealed class EngineHealthCheck(DatabaseInitializer initializer, DueTimerPoller timers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult((initializer.Ready, timers.Running) switch
        {
            (false, _) => HealthCheckResult.Unhealthy("the workflow definitions are not loaded yet"),
            (_, false) => HealthCheckResult.Unhealthy("the timer poller is not running"),
            _ => HealthCheckResult.Healthy(),
        });
}
