using Sked.Workflows.Infrastructure.Notifications;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>What became of one leased message on its way out.</summary>
public sealed record OutboxOutcome(OutboxMessage Message, OutboxOutcomeKind Kind, string? Error = null, SmsReceipt? Sms = null)
{
    /// <summary><paramref name="sms"/>: for an SMS, what the operator answered.</summary>
    public static OutboxOutcome Delivered(OutboxMessage message, SmsReceipt? sms = null) => new(message, OutboxOutcomeKind.Delivered, Sms: sms);

    public static OutboxOutcome Failed(OutboxMessage message, string error) => new(message, OutboxOutcomeKind.Failed, error);

    /// <summary>The recipient's side said no for good (an invalid number): given up at once, not retried.</summary>
    public static OutboxOutcome Refused(OutboxMessage message, string error) => new(message, OutboxOutcomeKind.Refused, error);

    /// <summary>Not tried (the node is stopping): the lease is given back, no attempt counted.</summary>
    public static OutboxOutcome Abandoned(OutboxMessage message) => new(message, OutboxOutcomeKind.Abandoned);
}

public enum OutboxOutcomeKind
{
    Delivered,
    Failed,
    Refused,
    Abandoned,
}
