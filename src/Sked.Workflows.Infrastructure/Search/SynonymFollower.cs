using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// Keeps this node's synonym table in step with edits made on another node, as the calendar's follower
/// does: every <see cref="Every"/> it reads the table's version — one row — and reloads when it moved.
/// The FAQ index and the case search read the table at each search, so they follow with it.
/// An edit on this node reloads at once (SynonymEditor).
/// </summary>
public sealed partial class SynonymFollower(IDbContextFactory<SkedDbContext> dbFactory, CurrentSynonyms synonyms, TimeProvider time,
    ILogger<SynonymFollower> logger) : BackgroundService
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
                var version = await db.SynonymVersion.AsNoTracking().Select(v => (int?)v.Version).FirstOrDefaultAsync(stoppingToken);
                if (version is { } stored && stored != synonyms.Table.Version)
                {
                    await synonyms.ReloadAsync(stoppingToken);
                    LogReloaded(logger, stored);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The synonym table changed on another node; reloaded version {Version}")]
    private static partial void LogReloaded(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the synonym table's version: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
