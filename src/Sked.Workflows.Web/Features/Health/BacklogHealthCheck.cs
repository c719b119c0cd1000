using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Telemetry;

namespace Sked.Workflows.Web.Features.Health;

/// <summary>
/// The work behind the requests keeps up: no message has waited for delivery longer than
/// <see cref="HealthOptions.OutboxLateAfter"/> and no due timer is later than
/// <see cref="HealthOptions.TimersLateAfter"/>. A stuck timer or outbox turns readiness red, where a
/// green answer from a node that merely runs would hide it.
/// </summary>
public sealed class BacklogHealthCheck(IDbContextFactory<SkedDbContext> dbFactory, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var backlog = await Backlog.ReadAsync(db, time.GetUtcNow(), cancellationToken);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["outboxPending"] = backlog.OutboxPending,
            ["outboxOldestSeconds"] = Math.Round(backlog.OutboxOldest.TotalSeconds),
            ["timersDue"] = backlog.TimersDue,
            ["timersOldestSeconds"] = Math.Round(backlog.TimersOldest.TotalSeconds),
        };
        var late = new List<string>();
        if (backlog.OutboxOldest > options.Value.OutboxLateAfter)
        {
            late.Add($"a message has waited {backlog.OutboxOldest.TotalMinutes:0} min for delivery");
        }

        if (backlog.TimersOldest > options.Value.TimersLateAfter)
        {
            late.Add($"{backlog.TimersDue} due timers, the oldest {backlog.TimersOldest.TotalMinutes:0} min late");
        }

        return late.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy(string.Join("; ", late), data: data);
    }
}
