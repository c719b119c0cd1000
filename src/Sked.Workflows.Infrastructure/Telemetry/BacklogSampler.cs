using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Telemetry;

/// <summary>
/// Reads the backlog every <see cref="Every"/> for the metrics' gauges, so a scrape never waits on the
/// database (gauges are read synchronously) and a slow database does not slow the scrape.
/// </summary>
public sealed partial class BacklogSampler(IDbContextFactory<SkedDbContext> dbFactory, SkedMetrics metrics, TimeProvider time, ILogger<BacklogSampler> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                metrics.Sampled(await Backlog.ReadAsync(db, time.GetUtcNow(), stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the health checks say so. The gauges keep their last values.
                LogSampleFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sample the backlog for the metrics: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string reason);
}
