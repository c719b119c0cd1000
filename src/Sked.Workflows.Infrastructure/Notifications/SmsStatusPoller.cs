using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Infrastructure.Cluster;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Fetches delivery reports: every Sms__StatusPollSeconds it asks the operator about each SMS it
/// accepted in the last 24 hours that has no final report yet, and records a changed state with its
/// audit event. One node asks at a time (a <see cref="SingletonLease"/>, renewed every third of
/// Cluster__LeaseSeconds, so another node takes over within seconds of its death); and a state is changed
/// only from the one it was read in, so even a round that overlapped another writes a report, and its
/// event, once.
/// </summary>
public sealed partial class SmsStatusPoller(
    IDbContextFactory<SkedDbContext> dbFactory,
    ISmsGateway gateway,
    SingletonLease lease,
    IOptions<SmsOptions> options,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<SmsStatusPoller> logger) : BackgroundService
{
    /// <summary>The lease's name: the row in mailbox_cursors that says which node asks the operator.</summary>
    public const string LeaseName = "work:sms-delivery-reports";

    /// <summary>Operators keep reports about a day; after that an SMS stays as it was last seen.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (gateway.Provider == SmsProviders.Log)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(cluster.Value.LeaseSeconds);
        var every = TimeSpan.FromSeconds(options.Value.StatusPollSeconds);
        using var timer = new PeriodicTimer(every < period / 3 ? every : period / 3, time);
        var nextRound = time.GetUtcNow() + every;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await lease.HoldAsync(LeaseName, period, stoppingToken) && time.GetUtcNow() >= nextRound)
                    {
                        nextRound = time.GetUtcNow() + every;
                        await PollAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPollFailed(logger, ex);
                }
            }
        }
        finally
        {
            await lease.ReleaseAsync(LeaseName, CancellationToken.None);
        }
    }

    /// <summary>Asks about every open SMS of the window once; returns how many changed state.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Window;
        List<SmsMessage> open;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            open = await db.SmsMessages.AsNoTracking()
                .Where(s => s.State == SmsState.SentToOperator && s.Provider == gateway.Provider && s.AcceptedAt >= since)
                .OrderBy(s => s.AcceptedAt).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var changed = 0;
        foreach (var sms in open)
        {
            var report = await AskAsync(sms, cancellationToken);
            if (report is not null && report.State != sms.State && await RecordAsync(sms, report.State, cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }

    private async Task<SmsReceipt?> AskAsync(SmsMessage sms, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.FindAsync(new SmsReference(sms.Id, sms.OperatorId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One unanswered question does not stop the others; the next round asks again.
            LogAskFailed(logger, sms.Id, ex.Message);
            return null;
        }
    }

    private async Task<bool> RecordAsync(SmsMessage read, SmsState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.SmsMessages.Where(s => s.Id == read.Id && s.State == read.State)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.StateAt, now), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        read.State = state;
        await SmsAudit.AddAsync(db, [read], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS delivery report round failed; the next round tries again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the operator about SMS {Id}: {Error}")]
    private static partial void LogAskFailed(ILogger logger, Guid id, string error);
}
