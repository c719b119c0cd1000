namespace Sked.Workflows.Engine.Tasks;

/// <summary>
/// Work a person must do: offered to a candidate role (and department), claimed by one user,
/// completed with one of the node's outcomes and its form data.
/// </summary>
public sealed class HumanTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InstanceId { get; init; }
    public Guid CaseId { get; init; }
    public required string TrackingCode { get; init; }
    public required string CaseType { get; init; }
    public required string NodeId { get; init; }
    public int Activation { get; init; }
    public required string Title { get; init; }
    public required string CandidateRole { get; set; }
    public string? Department { get; set; }
    public string? Assignee { get; set; }
    public HumanTaskStatus Status { get; set; } = HumanTaskStatus.Open;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The SLA the due date was computed from (P1D, 3WD, 4WH), so a closure or a pause can count it again.</summary>
    public string? SlaRule { get; init; }

    /// <summary>The working calendar's version the due date was computed on.</summary>
    public int? CalendarVersion { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }
    public string? CompletedBy { get; set; }
    public Dictionary<string, string> Data { get; set; } = new(StringComparer.Ordinal);
    public int EscalationLevel { get; set; }
    public int Version { get; set; }

    public bool IsActive => Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed;
}

public enum HumanTaskStatus
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}
