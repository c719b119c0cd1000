namespace Sked.Workflows.Engine.Runtime;

/// <summary>
/// The engine's state for one case: where its token waits, on which definition version, and what the
/// steps so far have recorded. <see cref="Version"/> is the optimistic concurrency token.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public required string DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public string? CurrentNodeId { get; set; }

    /// <summary>Counts node entries; a task or timer belongs to one activation, so a stale signal is recognised.</summary>
    public int Activation { get; set; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Running;
    public Dictionary<string, string> Variables { get; set; } = new(StringComparer.Ordinal);
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Version { get; set; }
}

public enum InstanceStatus
{
    Running,
    Waiting,
    /// <summary>A node failed; a retry is scheduled.</summary>
    Failing,
    /// <summary>A node failed too often; an operator must retry it.</summary>
    Incident,
    Completed,
}
