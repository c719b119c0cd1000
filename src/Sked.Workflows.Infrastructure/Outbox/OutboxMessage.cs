namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// Work to do after a transaction commits (send an SMS or an e-mail). Written with the change
/// that asked for it, so it is never lost and never sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
    /// <summary>The message as JSON; an SMS's secret is redacted from it once the operator accepted it (<see cref="SecretRedaction"/>).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Which batch of which node holds the message while it works on it, and until when (cluster safety: see <see cref="OutboxLease"/>).</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Done,
    /// <summary>Failed too often; kept for an administrator, who may send it back to Pending.</summary>
    Dead,

    /// <summary>An administrator decided it must not be sent (a wrong number, a message overtaken by events).</summary>
    Cancelled,
}

public static class OutboxKinds
{
    /// <summary>Legacy: no longer written; a row left from before is marked done untouched.</summary>
    public const string ScheduleTimer = "timer.schedule";

    /// <summary>Legacy: no longer written; a row left from before is marked done untouched.</summary>
    public const string CancelTimer = "timer.cancel";
    public const string Sms = "notify.sms";
    public const string Email = "notify.email";
    public const string Staff = "notify.staff";
}
