using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Makes a missed notification cost seconds, not a stale screen: every change to a case writes an audit
/// event in its own transaction, so the chain's heads grow with every commit on any node. Each round reads
/// the heads (the events they hold together); when it grew past what the screens are known to show and no change was published since the
/// previous reading (a publish after a reading makes the screens reload past it), one "catch-up" change is
/// published here. While changes keep coming nothing is published; after a burst the last one may be
/// caught up once more than needed (which change a publish was for is not known): one extra reload.
/// </summary>
public sealed partial class MissedChangeCatchUp(
    TaskFeed feed,
    IDbContextFactory<SkedDbContext> dbFactory,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<MissedChangeCatchUp> logger) : BackgroundService
{
    private long _lastPublished;

    /// <summary>How many catch-up changes this node published (the tests read it).</summary>
    public int Published { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    private void OnChanged(object? sender, TaskChangedEventArgs change) => Interlocked.Exchange(ref _lastPublished, time.GetTimestamp());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CatchUpSeconds), time);
        (long Head, long ReadAt)? previous = null;
        long shown = -1;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var readAt = time.GetTimestamp();
                var head = await HeadAsync(stoppingToken);
                if (previous is not { } before)
                {
                    shown = head;
                }
                else if (Interlocked.Read(ref _lastPublished) > before.ReadAt)
                {
                    shown = Math.Max(shown, before.Head);
                }
                else if (before.Head > shown)
                {
                    // Published after this round's reading, so the screens reload past it too.
                    feed.Publish(new TaskChangedEventArgs("", null, "catch-up") { FromOtherNode = true });
                    Published++;
                    shown = head;
                }

                previous = (head, readAt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    // How many events the chain's lanes hold together: it grows with every commit that writes one, on any lane.
    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChainHead.SumAsync(Audit.ChainLanes.Sealed, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for missed task changes failed; the next round tries again: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
