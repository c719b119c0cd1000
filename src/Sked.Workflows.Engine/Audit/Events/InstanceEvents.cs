using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Events of the workflow instance and its steps, written by the interpreter.

public sealed record InstanceStarted(string Definition, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Definition, Version);
}

public sealed record InstanceCompleted(string? Node) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node));
}

public sealed record NodeEntered(string Node, string Type, int Activation) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node));
}

public sealed record NodeLeft(string Node, string? Outcome) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node), Outcome);
}

public sealed record NodeFailed(string Node, int Attempt, string Error) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node), Attempt, Error);
}

public sealed record IncidentRaised(string Node, int Attempts, string Error) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node), Attempts, Error);
}

public sealed record IncidentRetried(int Attempts, string? Error) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}
