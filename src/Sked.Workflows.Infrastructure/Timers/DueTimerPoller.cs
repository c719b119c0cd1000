using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>
/// Fires the engine's timers straight from their table (docs/adr/0002): leases up to a batch of due
/// timers with one statement (SKIP LOCKED on PostgreSQL, so two nodes never take the same one), fires
/// each through the group committer, which puts many firings in one transaction, and sleeps until the
/// next timer is due, the poll interval passes, or a commit announces an earlier one. A node that dies
/// holding leases strands nothing: the lease runs out and any node fires the timer. Firing is
/// idempotent anyway (the timer's status is a concurrency token), so a lease is about wasted work,
/// not correctness. Nothing is reconciled at start-up: the rows are the only schedule.
/// </summary>
public sealed partial class DueTimerPoller(
    IDbContextFactory<SkedDbContext> dbFactory,
    FireTimer fireTimer,
    TimerNudge nudge,
    TimeProvider time,
    IOptions<TimerOptions> options,
    ILogger<DueTimerPoller> logger) : BackgroundService
{
    public const string LeaseColumn = "LeasedUntil";

    /// <summary>Whether the poll loop runs (the health check reports it).</summary>
    public bool Running { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running = true;
        try
        {
            await PollAsync(stoppingToken);
        }
        finally
        {
            Running = false;
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.Value;
            var wakeAt = time.GetUtcNow() + settings.PollInterval;
            try
            {
                var fired = await FireDueAsync(settings, stoppingToken);
                if (fired >= settings.BatchSize)
                {
                    continue;
                }

                wakeAt = await NextWakeAsync(wakeAt, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex);
            }

            await nudge.SleepUntilAsync(wakeAt, time, stoppingToken);
        }
    }

    /// <summary>Leases and fires one batch of due timers; returns how many it leased.</summary>
    public async Task<int> FireDueAsync(TimerOptions settings, CancellationToken cancellationToken)
    {
        var due = await LeaseAsync(settings, cancellationToken);
        // One case's timers fire one after another in the order they fell due (a reminder before the
        // escalation that follows it, even when a late poll finds both due); different cases' at once.
        await Task.WhenAll(due.GroupBy(t => t.InstanceId).Select(timers => FireInOrderAsync(timers, cancellationToken)));
        return due.Count;
    }

    private async Task FireInOrderAsync(IEnumerable<DueTimer> timers, CancellationToken cancellationToken)
    {
        foreach (var timer in timers.OrderBy(t => t.DueAt))
        {
            await FireAsync(timer.Id, cancellationToken);
        }
    }

    private async Task FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        try
        {
            await fireTimer.HandleAsync(timerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Its lease runs out and a later poll fires it again.
            LogFireFailed(logger, timerId, ex.Message);
        }
    }

    private async Task<List<DueTimer>> LeaseAsync(TimerOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var postgres = db.Database.IsNpgsql();
        // SQLite keeps instants as UTC ticks (ProviderContexts); PostgreSQL as timestamptz.
        object At(DateTimeOffset at) => postgres ? at : at.UtcTicks;
        var sql = $$"""
            UPDATE workflow_timers SET "{{LeaseColumn}}" = {0}
            WHERE "Id" IN (SELECT "Id" FROM workflow_timers
                WHERE "Status" = 'Pending' AND "DueAt" <= {1} AND ("{{LeaseColumn}}" IS NULL OR "{{LeaseColumn}}" < {1})
                ORDER BY "DueAt" LIMIT {2}{{(postgres ? " FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING "Id" AS "Value"
            """;
        var leased = await db.Database.SqlQueryRaw<Guid>(sql, At(now + settings.Lease), At(now), settings.BatchSize).ToListAsync(cancellationToken);
        var due = leased.Count == 0 ? [] : await db.Timers.AsNoTracking().Where(t => leased.Contains(t.Id))
            .Select(t => new DueTimer(t.Id, t.InstanceId, t.DueAt)).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    /// <summary>When to look again: the next free timer's moment, if sooner than <paramref name="latest"/>.</summary>
    private async Task<DateTimeOffset> NextWakeAsync(DateTimeOffset latest, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var next = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= latest)
            .Where(t => EF.Property<DateTimeOffset?>(t, LeaseColumn) == null || EF.Property<DateTimeOffset?>(t, LeaseColumn) < now)
            .OrderBy(t => t.DueAt)
            .Select(t => (DateTimeOffset?)t.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        return next is { } due && due < latest ? due : latest;
    }

    private sealed record DueTimer(Guid Id, Guid InstanceId, DateTimeOffset DueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The due-timer poll failed; it will look again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} could not be fired ({Error}); it is tried again when its lease ends")]
    private static partial void LogFireFailed(ILogger logger, Guid timerId, string error);
}
