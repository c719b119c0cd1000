namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Notifications__Sms__Url and __ApiKey: the old setting of the generic HTTP operator, still read
/// (it means Sms__Provider=Http with that address); new installations use Sms__* (<see cref="SmsOptions"/>).
/// E-mail is configured under Mail__* (Mail/MailOptions).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public LegacySmsOptions Sms { get; set; } = new();
}

public sealed class LegacySmsOptions
{
    /// <summary>The operator's HTTP endpoint that takes {to, text, id} as JSON.</summary>
    public Uri? Url { get; set; }

    public string? ApiKey { get; set; }
}
