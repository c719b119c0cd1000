using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Keeps this node's shared data (<see cref="IFollowedData"/>: the calendar, the synonym table) in step with
/// edits made on another node: every <see cref="Every"/> it reads each one's version — one row — and reloads
/// the data whose version moved. An edit on this node reloads its data at once (CalendarEditor, SynonymEditor).
/// </summary>
public sealed partial class VersionFollower(IDbContextFactory<SkedDbContext> dbFactory, IEnumerable<IFollowedData> followed, TimeProvider time,
    ILogger<VersionFollower> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var data in followed)
            {
                await FollowAsync(data, stoppingToken);
            }
        }
    }

    private async Task FollowAsync(IFollowedData data, CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            if (await data.StoredVersionAsync(db, stoppingToken) is { } stored && stored != data.LoadedVersion)
            {
                await data.ReloadAsync(stoppingToken);
                LogReloaded(logger, data.Name, stored);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, data.Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Data} changed on another node; reloaded version {Version}")]
    private static partial void LogReloaded(ILogger logger, string data, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the {Data}'s version: {Reason}")]
    private static partial void LogFailed(ILogger logger, string data, string reason);
}
