using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// Delivers committed outbox messages by the batch: leases many due messages with one statement
/// (<see cref="OutboxLease"/>), sends them in parallel up to <see cref="OutboxOptions.Parallelism"/>,
/// and records all outcomes in one transaction (<see cref="OutboxResults"/>). Safe with several
/// nodes on one database: a leased message is nobody else's until its lease runs out.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<SkedDbContext> dbFactory,
    OutboxNudge nudge,
    ISmsGateway sms,
    OutgoingMail email,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    Telemetry.SkedMetrics metrics,
    Cluster.NodeIdentity node,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string _node = node.ToString();
    private readonly OutboxDelivery _delivery = new(sms, email);
    private readonly OutboxResults _results = new(options.Value, time, sms.Provider, metrics);

    // Pacing, not a time anything is recorded or due at, so the system's clock even where a test fakes the time
    // (a fake clock that stands still would hold every message after the first until the test moved it).
    private static readonly TimeProvider Pace = TimeProvider.System;
    private long _lastLease;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeBackFromEarlierStartAsync(stoppingToken);
        // Look at once: what was committed before the start, or left by a node that died, is due now.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) >= options.Value.BatchSize)
                {
                    // A full batch: there is probably more, so no sleep before the next.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }

            await nudge.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            await GatherAsync(stoppingToken);
        }
    }

    /// <summary>Lets the messages of the commits that keep coming gather for one lease (<see cref="OutboxOptions.GatherWindow"/>).</summary>
    private Task GatherAsync(CancellationToken stoppingToken)
    {
        var left = options.Value.GatherWindow - Pace.GetElapsedTime(_lastLease);
        return left > TimeSpan.Zero ? Task.Delay(left, Pace, stoppingToken) : Task.CompletedTask;
    }

    // A restart after kill -9 finds its own earlier leases at once rather than after Outbox__Lease (2 minutes).
    private async Task TakeBackFromEarlierStartAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            if (await OutboxLease.TakeBackFromEarlierStartAsync(db, node, stoppingToken) is > 0 and var count)
            {
                LogTakenBack(logger, count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may not serve yet: the leases then run out as they always did.
            LogDispatchFailed(logger, ex);
        }
    }

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Delivers one batch of due messages; returns how many were leased.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _lastLease = Pace.GetTimestamp();
        OutboxLease lease;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A transaction of its own, so on SQLite the lease queues at the writer gate instead of the busy handler.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            lease = await OutboxLease.TakeAsync(db, _node, time.GetUtcNow(), settings.Lease, settings.BatchSize, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (lease.Messages.Count == 0)
        {
            return 0;
        }

        var outcomes = await DeliverAllAsync(lease.Messages, settings, cancellationToken);
        // Recorded even when the node is stopping: what was sent must not be sent again after a restart.
        await using var record = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var recorded = await _results.RecordAsync(record, lease, outcomes, CancellationToken.None);
        if (recorded < outcomes.Length)
        {
            LogLeaseLost(logger, outcomes.Length - recorded, lease.Owner);
        }

        return lease.Messages.Count;
    }

    private async Task<OutboxOutcome[]> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, OutboxOptions settings, CancellationToken stopping)
    {
        var outcomes = new OutboxOutcome[messages.Count];
        // Not cancelled by the stop itself: each message must end with an outcome, if only "abandoned".
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count), new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism },
            async (i, _) => outcomes[i] = await DeliverOneAsync(messages[i], settings, stopping));
        return outcomes;
    }

    private async Task<OutboxOutcome> DeliverOneAsync(OutboxMessage message, OutboxOptions settings, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return OutboxOutcome.Abandoned(message);
        }

        // Bounded well inside the lease, so the outcome is recorded while the message is still ours.
        using var timeout = new CancellationTokenSource(settings.DeliveryTimeout, time);
        // A stop lets a send already under way finish for a moment: a mail cut off after the server took
        // it would be sent again after the restart. A slow one is still cut off, a few seconds later.
        using var grace = new CancellationTokenSource();
        using var onStop = stopping.Register(() => grace.CancelAfter(StopGrace));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, timeout.Token);
        try
        {
            var mayHaveGoneOut = OutboxLease.MayHaveBeenTriedBefore(message, time.GetUtcNow(), settings.Lease);
            return OutboxOutcome.Delivered(message, await _delivery.DeliverAsync(message, mayHaveGoneOut, linked.Token));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // An SMS cut off mid-send may be at the operator: counted as a try, so the next one asks first.
            return message.Kind == OutboxKinds.Sms ? OutboxOutcome.Failed(message, "stopped while sending; the operator is asked before the next try") : OutboxOutcome.Abandoned(message);
        }
        catch (SmsRefusedException refused) when (refused.Permanent)
        {
            LogDeliveryFailed(logger, message.Kind, message.Id, message.Attempts + 1, refused.Message);
            return OutboxOutcome.Refused(message, refused.Message);
        }
        catch (Exception ex)
        {
            var error = timeout.IsCancellationRequested ? $"no answer within {settings.DeliveryTimeout}" : ex.Message;
            LogDeliveryFailed(logger, message.Kind, message.Id, message.Attempts + 1, error);
            return OutboxOutcome.Failed(message, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took back {Count} outbox messages an earlier start of this node had leased and not finished")]
    private static partial void LogTakenBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; it will try again")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Kind} message {Id} failed (attempt {Attempt}): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string kind, Guid id, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox lease {Lease} ran out before {Count} of its messages were recorded; another node has them")]
    private static partial void LogLeaseLost(ILogger logger, int count, string lease);
}
