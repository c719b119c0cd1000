namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// One SMS to a citizen and where it is (table sms_messages): written queued with its outbox row, in
/// the case's transaction; accepted or failed when the outbox records the send; delivered or
/// undelivered when the operator's report comes (<see cref="SmsStatusPoller"/>). Its id is the outbox
/// row's id, the operator's client message id.
/// </summary>
public sealed class SmsMessage
{
    public Guid Id { get; init; }
    public Guid? CaseId { get; init; }

    /// <summary>The number as the citizen gave it: staff compare it when the SMS did not arrive.</summary>
    public required string To { get; init; }

    public SmsState State { get; set; }
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset StateAt { get; set; }

    /// <summary>Which adapter sent it, and the operator's id for it.</summary>
    public string? Provider { get; set; }

    public string? OperatorId { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Why it failed (the operator's code), in English for an administrator.</summary>
    public string? Error { get; set; }

    public static SmsMessage Queued(Guid outboxId, Guid? caseId, string to, DateTimeOffset now) =>
        new() { Id = outboxId, CaseId = caseId, To = to, State = SmsState.Queued, QueuedAt = now, StateAt = now };
}
