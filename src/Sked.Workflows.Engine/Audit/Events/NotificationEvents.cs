using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Messages to citizens: queued or skipped by the notify node, sent by the outbox. Addresses stay out of the log.

public sealed record NotificationQueued(string Channel, string To) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("viaChannel", Channel));
}

public sealed record NotificationSkipped(string Channel, string Reason) : NodeAuditEventData
{
    /// <summary>The one reason a notify node skips a message.</summary>
    public const string NoAddress = "no address";

    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("viaChannel", Channel));
}

public sealed record NotificationSent(Guid Message, string Channel, int Attempts) : AuditEventData
{
    public override Domain.Text.Message Describe(IAuditNames names) => Sentence(AuditText.Label("viaChannel", Channel), Attempts);
}

/// <summary>The citizen wrote to the case (a reply by e-mail); the text is on the case's mail thread, not in the log.</summary>
public sealed record CitizenMessageReceived(Guid Mail, string Channel) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("viaChannel", Channel));
}

/// <summary>A mail to the citizen came back undeliverable; staff must reach them another way. The address stays out of the log.</summary>
public sealed record EmailUndeliverable(Guid Mail) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}

/// <summary>An automatic acknowledgement was not sent: <paramref name="Reason"/> is automatic (a machine wrote) or too-many (the sender's hourly limit).</summary>
public sealed record AcknowledgementSuppressed(Guid Mail, string Reason) : AuditEventData
{
    public const string Automatic = "automatic";
    public const string TooMany = "too-many";

    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("ackSuppressed", Reason));
}

/// <summary>
/// An SMS's state changed: <paramref name="State"/> is delivered, undelivered or failed (the operator's
/// delivery report, or a refusal). The number and text stay out of the log.
/// </summary>
public sealed record SmsStateChanged(Guid Message, string State) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("smsState", State));
}
