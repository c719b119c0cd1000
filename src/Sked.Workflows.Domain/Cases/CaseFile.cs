namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// One citizen submission and everything the company has done with it that a citizen may see.
/// The workflow instance that drives it lives beside it and is written in the same transaction.
/// </summary>
public sealed class CaseFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TrackingCode { get; init; }
    public required string Type { get; init; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public CitizenContact Citizen { get; set; } = new();
    public string? Category { get; set; }
    public string? AnswerType { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public bool Anonymous { get; set; }

    /// <summary>For an anonymous report: the one role that may still see who reported it.</summary>
    public string? IdentityVisibleTo { get; set; }
    public string? Department { get; set; }
    /// <summary>Empty until intake receives the case.</summary>
    public string Status { get; set; } = string.Empty;
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? LetterNumber { get; set; }
    public string? LetterDate { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>The normalised question, so repeats of a public question can be counted.</summary>
    public string? QuestionKey { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpectedAnswerAt { get; set; }

    /// <summary>The answer deadline the workflow promises (e.g. 7WD); while set, tasks' own deadlines do not move the promise.</summary>
    public string? AnswerRule { get; set; }

    /// <summary>The working calendar's version <see cref="ExpectedAnswerAt"/> was computed on.</summary>
    public int? AnswerCalendarVersion { get; set; }

    /// <summary>Why the promised date moved last (closure, calendar, pause), and the closure's reason: the tracking page tells it.</summary>
    public string? PromiseMovedBy { get; set; }

    public string? PromiseMovedDetail { get; set; }

    /// <summary>Since when the case's clock is stopped, waiting for the citizen; null while it runs.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The open case of the same citizen this one was merged into as a duplicate; that case's answer reaches this one's tracking page too.</summary>
    public Guid? MergedIntoId { get; set; }
    public List<CaseTimelineEntry> Timeline { get; init; } = [];

    /// <summary>Moves the citizen-visible status and notes it on the timeline, once per change.</summary>
    public void ChangeStatus(string status, DateTimeOffset at, string? detail = null)
    {
        if (Status == status && detail is null)
        {
            return;
        }

        Status = status;
        Timeline.Add(new CaseTimelineEntry { CaseId = Id, At = at, Status = status, Detail = detail });
        if (CaseStatuses.IsFinal(status))
        {
            ClosedAt ??= at;
        }
    }
}

/// <summary>How to reach the citizen; hidden from staff when the reporter chose to stay anonymous.</summary>
public sealed class CitizenContact
{
    public string? Name { get; set; }
    public string? NationalCode { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }

    /// <summary>When a mail to <see cref="Email"/> came back undeliverable (a bounce); staff should reach the citizen otherwise.</summary>
    public DateTimeOffset? EmailUndeliverableAt { get; set; }
}

/// <summary>One step of the citizen-safe timeline: a status key and, at most, a department name.</summary>
public sealed class CaseTimelineEntry
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Status { get; init; }
    public string? Detail { get; init; }
}
