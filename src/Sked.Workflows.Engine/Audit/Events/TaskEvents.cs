using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Engine.Audit.Events;

// Human tasks: opened and completed by the engine, claimed, released and assigned by staff.

public sealed record TaskOpened(Guid Task, string Role, string? Department, DateTimeOffset? DueAt) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(
        AuditText.Label("role", Role),
        Department is null ? string.Empty : Message.Of("audit.part.in-department", names.Department(Department)),
        AuditText.Due(DueAt));
}

public sealed record TaskCompleted(Guid Task, string Outcome, IReadOnlyDictionary<string, string> Data) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) =>
        Sentence(Outcome, Data.Count == 0 ? string.Empty : Message.Of("audit.part.form-data", AuditText.Fields(Data)));
}

// Claimed, released and assigned carry the task's assignee and status after the change.

/// <summary>A task taken by its assignee; the status is left out when the claim came with completing the task.</summary>
public sealed record TaskClaimed(Guid Task, string Node, string? Assignee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null) : AuditEventData
{
    public static TaskClaimed Of(HumanTask task) => new(task.Id, task.NodeId, task.Assignee, task.Status.ToString());

    public override Message Describe(IAuditNames names) => Sentence(names.Staff(Assignee));
}

public sealed record TaskReleased(Guid Task, string Node, string? Assignee, string Status) : AuditEventData
{
    public static TaskReleased Of(HumanTask task) => new(task.Id, task.NodeId, task.Assignee, task.Status.ToString());

    public override Message Describe(IAuditNames names) => Sentence();
}

public sealed record TaskAssigned(Guid Task, string Node, string? Assignee, string Status) : AuditEventData
{
    public static TaskAssigned Of(HumanTask task) => new(task.Id, task.NodeId, task.Assignee, task.Status.ToString());

    public override Message Describe(IAuditNames names) => Sentence(names.Staff(Assignee));
}

public sealed record EscalationReminded(Guid Task, int Step) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Step);
}

public sealed record EscalationReassigned(Guid Task, int Step, string Role, string? Department) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Department is null ? AuditText.Nothing : names.Department(Department));
}
