using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// Delivers committed outbox messages: timer triggers to Quartz, SMS to the operator, e-mail to
/// SMTP. A message is leased before work so two nodes of a cluster do not both send it; a failure is
/// retried with back-off and parked as dead after <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<SkedDbContext> dbFactory,
    OutboxNudge nudge,
    ISmsGateway sms,
    IEmailSender email,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0)
                {
                    // Keep draining while there is work.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }

            await nudge.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>Delivers up to one batch of due messages; returns how many were taken.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var id in due)
        {
            // The lease is a conditional update: whichever node changes the row owns the message.
            var leased = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, _node).SetProperty(m => m.LockedUntil, now + Lease), cancellationToken);
            if (leased == 1)
            {
                taken++;
                await DeliverAsync(db, id, cancellationToken);
            }
        }

        return taken;
    }

    private async Task DeliverAsync(SkedDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
        var delivered = false;
        try
        {
            // Outside any transaction: on SQLite an open write transaction would block Quartz's own.
            await HandleAsync(message, cancellationToken);
            message.Status = OutboxStatus.Done;
            message.ProcessedAt = time.GetUtcNow();
            delivered = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.Message;
            message.AvailableAt = time.GetUtcNow() + options.Value.DelayAfter(message.Attempts);
            if (message.Attempts >= options.Value.MaxAttempts)
            {
                message.Status = OutboxStatus.Dead;
            }

            LogDeliveryFailed(logger, message.Kind, message.Id, message.Attempts, ex.Message);
        }

        message.LockedBy = null;
        message.LockedUntil = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (delivered)
        {
            await RecordSentAsync(db, message, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A message that reached a citizen is part of the case's history; the row marked done and its event commit together.</summary>
    private async Task RecordSentAsync(SkedDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind is not (OutboxKinds.Sms or OutboxKinds.Email))
        {
            return;
        }

        var notification = Read<NotificationMessage>(message);
        var @case = await db.Cases.AsNoTracking().Where(c => c.TrackingCode == notification.TrackingCode)
            .Join(db.Instances, c => c.Id, i => i.CaseId, (c, i) => new { c.Id, c.TrackingCode, Instance = i.Id, i.DefinitionId, i.DefinitionVersion })
            .SingleOrDefaultAsync(cancellationToken);
        var channel = message.Kind == OutboxKinds.Sms ? "sms" : "email";
        // The address itself stays out of the log; which message and channel is what an auditor needs.
        var sent = new Engine.Audit.Events.NotificationSent(message.Id, channel, message.Attempts + 1);
        db.AuditEvents.Add(new Audit.AuditEvent(sent, Engine.Runtime.SystemActor.Name)
        {
            At = time.GetUtcNow(),
            CaseId = @case?.Id,
            TrackingCode = @case?.TrackingCode,
            InstanceId = @case?.Instance,
            DefinitionId = @case?.DefinitionId,
            DefinitionVersion = @case?.DefinitionVersion,
        });
    }

    private async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKinds.ScheduleTimer or OutboxKinds.CancelTimer:
                // Written before timers fired from their own table (docs/adr/0002); nothing left to do.
                break;
            case OutboxKinds.Sms:
                var text = Read<NotificationMessage>(message);
                await sms.SendAsync(text.To, text.Text, cancellationToken);
                break;
            case OutboxKinds.Email:
                var mail = Read<NotificationMessage>(message);
                await email.SendAsync(mail.To, Domain.Text.Catalogue.Render(OutboxTexts.AnswerSubject, mail.TrackingCode), mail.Text, cancellationToken);
                break;
            case OutboxKinds.Staff:
                // Staff reminders are shown in the inbox; the outbox row is their record.
                break;
            default:
                throw new InvalidOperationException($"unknown outbox message kind '{message.Kind}'.");
        }
    }

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("empty outbox payload.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; it will try again")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Kind} message {Id} failed (attempt {Attempt}): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string kind, Guid id, int attempt, string error);
}
