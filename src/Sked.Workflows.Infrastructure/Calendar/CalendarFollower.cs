using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Calendar;

/// <summary>
/// Keeps this node's calendar in step with edits made on another node (issue 18's second node, issue
/// 15's gap): every <see cref="Every"/> it reads the calendar's version — one indexed row — and reloads
/// the calendar when the version moved. An edit on this node reloads at once (CalendarEditor).
/// </summary>
public sealed partial class CalendarFollower(IDbContextFactory<SkedDbContext> dbFactory, CurrentCalendar calendar, TimeProvider time,
    ILogger<CalendarFollower> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var version = await db.CalendarSettings.AsNoTracking().Select(s => (int?)s.Version).FirstOrDefaultAsync(stoppingToken);
                if (version is { } stored && stored != calendar.Value.Version)
                {
                    await calendar.ReloadAsync(stoppingToken);
                    LogReloaded(logger, stored);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The working calendar changed on another node; reloaded version {Version}")]
    private static partial void LogReloaded(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the working calendar's version: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
