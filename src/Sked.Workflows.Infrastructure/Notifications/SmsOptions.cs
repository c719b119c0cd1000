namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Sms__*: which operator, its credentials and address, and how often delivery reports are fetched.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Kavenegar, Magfa or Http; unset: SMS are only logged (a developer machine never texts a citizen).</summary>
    public string? Provider { get; set; }

    /// <summary>Kavenegar: the API key. Magfa: <c>username/domain:password</c>. Http: sent as X-Api-Key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The line the SMS comes from; Kavenegar uses the account's default line when unset.</summary>
    public string? Sender { get; set; }

    /// <summary>The operator's address; its public one when unset (a test, a proxy or a sandbox can stand in). Http: required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How often the delivery reports of the last 24 hours' SMS are asked for.</summary>
    public int StatusPollSeconds { get; set; } = 180;

    /// <summary>How long one request to the operator may take before it counts as a timeout.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsValid => StatusPollSeconds >= 1 && TimeoutSeconds >= 1
        && Provider is null or "" or SmsProviders.Log or SmsProviders.Kavenegar or SmsProviders.Magfa or SmsProviders.Http
        && (Provider != SmsProviders.Http || BaseUrl is not null)
        && (Provider is not (SmsProviders.Kavenegar or SmsProviders.Magfa) || !string.IsNullOrEmpty(ApiKey))
        && (Provider != SmsProviders.Magfa || !string.IsNullOrEmpty(Sender));
}

public static class SmsProviders
{
    public const string Log = "Log";
    public const string Kavenegar = "Kavenegar";
    public const string Magfa = "Magfa";
    public const string Http = "Http";
}
