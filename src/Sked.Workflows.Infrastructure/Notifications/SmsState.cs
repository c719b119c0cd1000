namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Where an SMS is: ours until the operator accepts it, then what its delivery report says.</summary>
public enum SmsState
{
    /// <summary>In the outbox, not yet accepted by the operator.</summary>
    Queued,

    /// <summary>The operator accepted it; no delivery report yet.</summary>
    SentToOperator,

    Delivered,

    /// <summary>The operator could not deliver it to the phone (switched off too long, number not in service, mistyped).</summary>
    Undelivered,

    /// <summary>Refused for good (an invalid number) or given up.</summary>
    Failed,
}

public static class SmsStates
{
    /// <summary>The lower-case wire name used in the audit log and the catalogue (<c>smsState.delivered</c>).</summary>
    public static string Wire(this SmsState state) => state switch
    {
        SmsState.Queued => "queued",
        SmsState.SentToOperator => "sent",
        SmsState.Delivered => "delivered",
        SmsState.Undelivered => "undelivered",
        _ => "failed",
    };

    /// <summary>A delivery report can still change it.</summary>
    public static bool IsOpen(this SmsState state) => state is SmsState.Queued or SmsState.SentToOperator;
}
