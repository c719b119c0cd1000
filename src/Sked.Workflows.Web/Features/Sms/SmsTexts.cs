namespace Sked.Workflows.Web.Features.Sms;

/// <summary>The words of a case's SMS list; the sentences are in the catalogue.</summary>
public static class SmsTexts
{
    public const string Title = "sms.list-title";
    public const string Empty = "sms.list-empty";
    public const string Number = "sms.column-number";
    public const string Queued = "sms.column-queued";
    public const string State = "sms.column-state";
    public const string StateAt = "sms.column-state-at";
    public const string UndeliveredHint = "sms.undelivered-hint";
    public const string FailedHint = "sms.failed-hint";

    /// <summary>The label family of the states: smsState.queued, .sent, .delivered, .undelivered, .failed.</summary>
    public const string StateFamily = "smsState";
}
