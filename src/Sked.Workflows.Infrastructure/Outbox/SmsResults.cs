using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// The SMS part of recording a batch, inside its transaction: each SMS row gets the state its send
/// came to (accepted, or failed when refused for good or given up), with its audit event; an accepted
/// SMS's secret leaves the stored payload.
/// </summary>
internal sealed class SmsResults(string provider)
{
    public async Task RecordAsync(SkedDbContext db, IReadOnlyList<(OutboxMessage Row, OutboxOutcome Outcome)> sms, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sms.Count == 0)
        {
            return;
        }

        var ids = sms.Select(s => s.Row.Id).ToList();
        var known = await db.SmsMessages.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var changed = new List<SmsMessage>();
        foreach (var (row, outcome) in sms)
        {
            var message = known.GetValueOrDefault(row.Id) ?? Adopt(db, row, now);
            if (Apply(message, row, outcome, now))
            {
                changed.Add(message);
            }
        }

        await SmsAudit.AddAsync(db, changed.Where(m => m.State != SmsState.SentToOperator).ToList(), now, cancellationToken);
    }

    /// <summary>Returns whether the state changed.</summary>
    private bool Apply(SmsMessage message, OutboxMessage row, OutboxOutcome outcome, DateTimeOffset now)
    {
        var before = message.State;
        if (outcome is { Kind: OutboxOutcomeKind.Delivered, Sms: { } receipt })
        {
            message.Provider = provider;
            message.OperatorId = receipt.OperatorId;
            message.AcceptedAt ??= now;
            message.State = receipt.State == SmsState.Queued ? SmsState.SentToOperator : receipt.State;
            message.Error = null;
            row.Payload = SecretRedaction.Redact(row.Payload);
        }
        else if (row.Status == OutboxStatus.Dead && message.State == SmsState.Queued)
        {
            message.State = SmsState.Failed;
            message.Error = outcome.Error;
        }

        if (message.State == before)
        {
            return false;
        }

        message.StateAt = now;
        return true;
    }

    /// <summary>An SMS queued before SMS rows existed gets one now.</summary>
    private static SmsMessage Adopt(SkedDbContext db, OutboxMessage row, DateTimeOffset now)
    {
        var message = SmsMessage.Queued(row.Id, null, OutboxDelivery.NotificationOf(row)?.To ?? string.Empty, row.CreatedAt);
        message.StateAt = now;
        db.SmsMessages.Add(message);
        return message;
    }
}
