using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Duplicate cases across channels: the e-desk merges a case into an open case of the same citizen about the same problem.

/// <summary>Written on the duplicate: it was merged into <paramref name="Into"/>, whose answer its tracking page shows.</summary>
public sealed record CaseMerged(Guid Into, string IntoTrackingCode) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(IntoTrackingCode);
}

/// <summary>
/// Written on the duplicate, one per task it still had open (or claimed) when it was merged: the task is closed
/// and leaves every inbox; the work goes on in the case kept.
/// </summary>
public sealed record DuplicateTaskClosed(Guid Task, string Node, string? Assignee) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Node(Node));
}

/// <summary>Written on the case kept: <paramref name="Duplicate"/> was merged into it.</summary>
public sealed record DuplicateLinked(Guid Duplicate, string DuplicateTrackingCode) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(DuplicateTrackingCode);
}
