namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Notifications__Sms__Url; unset means "log only". E-mail is configured under Mail__* (Mail/MailOptions).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmsOptions Sms { get; set; } = new();
}

public sealed class SmsOptions
{
    /// <summary>The operator's HTTP endpoint that takes {to, text} as JSON.</summary>
    public Uri? Url { get; set; }

    public string? ApiKey { get; set; }
}
