using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Health;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<SkedDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer");
    }
}
