using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>
/// At start-up, makes Quartz agree with the engine's timer rows: every pending timer gets its
/// trigger (e.g. the process died between commit and outbox dispatch). A trigger left for a timer
/// that is no longer pending is harmless: the engine ignores it when it fires. The rows are the truth.
/// </summary>
public sealed partial class TimerReconciler(IDbContextFactory<SkedDbContext> dbFactory, TimerScheduler scheduler, ILogger<TimerReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending)
            .Select(t => new { t.Id, t.DueAt })
            .ToListAsync(cancellationToken);
        foreach (var timer in pending)
        {
            await scheduler.EnsureScheduledAsync(timer.Id, timer.DueAt, cancellationToken);
        }

        LogReconciled(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Timers reconciled: {Pending} pending timers have their triggers")]
    private static partial void LogReconciled(ILogger logger, int pending);
}
