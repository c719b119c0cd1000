namespace Sked.Workflows.Engine.Timers;

/// <summary>
/// A point in time the engine must be woken at. The row is the truth; the Quartz trigger that fires
/// it is scheduled after commit and reconciled at start-up, so none is lost and none doubled.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InstanceId { get; init; }
    public int Activation { get; init; }
    public required string NodeId { get; init; }
    public TimerKind Kind { get; init; }

    /// <summary>For escalations: which step of the node's escalation policy.</summary>
    public int Step { get; init; }

    public Guid? TaskId { get; init; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The time allowed the due date was computed from (P7D, 3WD), so a closure can count it again; none for retries.</summary>
    public string? Rule { get; init; }

    /// <summary>The working calendar's version the due date was computed on.</summary>
    public int? CalendarVersion { get; set; }
    public TimerStatus Status { get; set; } = TimerStatus.Pending;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FiredAt { get; set; }
}

public enum TimerKind
{
    /// <summary>A timer node's wait.</summary>
    Wait,
    /// <summary>A step of a human task's escalation policy.</summary>
    Escalation,
    /// <summary>The next attempt at a node that failed.</summary>
    Retry,
}

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
