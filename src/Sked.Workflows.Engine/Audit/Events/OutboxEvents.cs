using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// The outbox's dead letters, sent back by an administrator. The message's address and text stay out of the log.

/// <summary>An administrator cancelled a message before it was sent; it never will be.</summary>
public sealed record OutboxMessageCancelled(Guid Message, string Kind, int Attempts) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("outboxKind", Kind), Attempts);
}

/// <summary>A message that failed <paramref name="Attempts"/> times was sent back to the queue for one more try.</summary>
public sealed record OutboxMessageRetried(Guid Message, string Kind, int Attempts) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("outboxKind", Kind), Attempts);
}
