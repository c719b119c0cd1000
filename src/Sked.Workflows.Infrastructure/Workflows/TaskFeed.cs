namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// Tells open staff screens that tasks changed, after the change committed (never before, never
/// for a rolled-back one), so their lists update over the live connection without a reload. On
/// PostgreSQL the other nodes' changes arrive here too (<see cref="Cluster.TaskChangeListener"/>), marked
/// <see cref="TaskChangedEventArgs.FromOtherNode"/>; screens treat both alike.
/// </summary>
public sealed class TaskFeed
{
    public event EventHandler<TaskChangedEventArgs>? Changed;

    public void Publish(TaskChangedEventArgs change) => Changed?.Invoke(this, change);
}

/// <summary>What happened: a case's tasks moved (opened, claimed, released, completed, reassigned).</summary>
public sealed class TaskChangedEventArgs(string trackingCode, Guid? taskId, string kind) : EventArgs
{
    public string TrackingCode { get; } = trackingCode;
    public Guid? TaskId { get; } = taskId;
    public string Kind { get; } = kind;

    /// <summary>Committed elsewhere (another node, or found by the catch-up): this node does not pass it on.</summary>
    public bool FromOtherNode { get; init; }
}
