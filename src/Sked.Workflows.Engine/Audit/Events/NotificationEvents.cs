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
