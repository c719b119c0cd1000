namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Notifications__Sms__Url and Notifications__Smtp__*; unset means "log only".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmsOptions Sms { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmsOptions
{
    /// <summary>The operator's HTTP endpoint that takes {to, text} as JSON.</summary>
    public Uri? Url { get; set; }

    public string? ApiKey { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "info@sked.co.ir";
}
