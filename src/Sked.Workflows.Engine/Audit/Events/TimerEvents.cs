using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Timers: scheduled by nodes, fired by the interpreter, cancelled by the effect writer when a node is left.

/// <summary>A wait or escalation timer; <see cref="Step"/> is the escalation step (none for a wait).</summary>
public sealed record TimerScheduled(Guid Timer, string Kind, int? Step, DateTimeOffset DueAt) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.TimerKind(Kind), AuditText.Due(DueAt));
}

public sealed record TimerFired(Guid Timer, string Kind, int Step, string Node) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.TimerKind(Kind));
}

public sealed record TimerCancelled(Guid Timer, string Kind) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.TimerKind(Kind));
}
