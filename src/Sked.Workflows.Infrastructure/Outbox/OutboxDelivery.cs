using System.Text.Json;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// Hands one message to whoever it is for: SMS to the operator, e-mail to SMTP. Throws when it did not
/// get through; for an SMS returns the operator's receipt.
/// </summary>
public sealed class OutboxDelivery(ISmsGateway sms, OutgoingMail email)
{
    private readonly SmsDispatch _sms = new(sms);

    // mayHaveGoneOut: an earlier try may have reached the operator (OutboxLease.MayHaveBeenTriedBefore).
    public async Task<SmsReceipt?> DeliverAsync(OutboxMessage message, bool mayHaveGoneOut, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKinds.Sms:
                var text = Notification(message);
                return await _sms.SendOnceAsync(new SmsToSend(message.Id, text.To, text.Text), mayHaveGoneOut, cancellationToken);
            case OutboxKinds.Email:
                await email.SendAsync(Notification(message), cancellationToken);
                break;
            case OutboxKinds.Staff:
                // Staff reminders are shown in the inbox; the outbox row is their record.
                break;
            case OutboxKinds.ScheduleTimer or OutboxKinds.CancelTimer:
                // Legacy: timers fire from the engine's own timer table now; a row written before is simply done.
                break;
            default:
                throw new InvalidOperationException($"unknown outbox message kind '{message.Kind}'.");
        }

        return null;
    }

    /// <summary>The SMS or e-mail a message carries; null for other kinds.</summary>
    public static NotificationMessage? NotificationOf(OutboxMessage message) =>
        message.Kind is OutboxKinds.Sms or OutboxKinds.Email ? Notification(message) : null;

    private static NotificationMessage Notification(OutboxMessage message) =>
        JsonSerializer.Deserialize<NotificationMessage>(message.Payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("empty outbox payload.");
}
