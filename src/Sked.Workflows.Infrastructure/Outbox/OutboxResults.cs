using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// Records a batch's outcomes in one transaction: done, retry later with back-off, or dead after
/// <see cref="OutboxOptions.MaxAttempts"/>; and, for each SMS or e-mail that reached someone, its
/// <c>notification.sent</c> event in the case's history, committed with the row marked done. An SMS's
/// own row (<see cref="SmsMessage"/>) gets its state in the same transaction, and a secret in its text
/// is redacted once the operator has accepted it (<see cref="SecretRedaction"/>).
/// </summary>
public sealed class OutboxResults(OutboxOptions options, TimeProvider time, string smsProvider, Telemetry.SkedMetrics metrics)
{
    /// <summary>Returns the messages recorded; one missing was taken over by another node after this lease ran out.</summary>
    public async Task<int> RecordAsync(SkedDbContext db, OutboxLease lease, IReadOnlyList<OutboxOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The transaction is this method's own and a failed save ends it whole: EF's savepoint around the
        // save (two statements and a subtransaction per batch) would guard nothing.
        db.Database.AutoSavepointsEnabled = false;
        var held = await lease.HeldAsync(db, cancellationToken);
        var byId = outcomes.ToDictionary(o => o.Message.Id);
        var now = time.GetUtcNow();
        var sent = new List<OutboxMessage>();
        foreach (var row in held)
        {
            var outcome = byId[row.Id];
            Apply(row, outcome, now);
            if (outcome.Kind == OutboxOutcomeKind.Delivered && row.Kind is OutboxKinds.Sms or OutboxKinds.Email)
            {
                sent.Add(row);
            }
        }

        await AddSentEventsAsync(db, sent, now, cancellationToken);
        await new SmsResults(smsProvider).RecordAsync(db, held.Where(r => r.Kind == OutboxKinds.Sms).Select(r => (r, byId[r.Id])).ToList(), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in held)
        {
            metrics.Delivered(row.Kind, row.Status switch
            {
                OutboxStatus.Done => "delivered",
                OutboxStatus.Dead => "dead",
                _ => "failed",
            });
        }

        return held.Count;
    }

    private void Apply(OutboxMessage row, OutboxOutcome outcome, DateTimeOffset now)
    {
        row.LockedBy = null;
        row.LockedUntil = null;
        switch (outcome.Kind)
        {
            case OutboxOutcomeKind.Delivered:
                row.Status = OutboxStatus.Done;
                row.ProcessedAt = now;
                break;
            case OutboxOutcomeKind.Failed:
                row.Attempts++;
                row.LastError = outcome.Error;
                row.AvailableAt = now + options.DelayAfter(row.Attempts);
                if (row.Attempts >= options.MaxAttempts)
                {
                    // A dead letter waits for nobody; its AvailableAt says when it was given up.
                    row.Status = OutboxStatus.Dead;
                    row.AvailableAt = now;
                }

                break;
            case OutboxOutcomeKind.Refused:
                row.Attempts++;
                row.LastError = outcome.Error;
                row.Status = OutboxStatus.Dead;
                row.AvailableAt = now;
                break;
        }
    }

    /// <summary>A message that reached a citizen is part of the case's history; the address stays out of the log.</summary>
    private static Task<IReadOnlyList<AuditEvent>> AddSentEventsAsync(SkedDbContext db, List<OutboxMessage> sent, DateTimeOffset now, CancellationToken cancellationToken) =>
        CaseAuditEvents.AddAsync(db, [.. sent.Select(message => new CaseAuditEvents.About(OutboxDelivery.NotificationOf(message)!.TrackingCode, null,
            new NotificationSent(message.Id, message.Kind == OutboxKinds.Sms ? "sms" : "email", message.Attempts + 1)))],
            SystemActor.Name, null, now, cancellationToken);
}
