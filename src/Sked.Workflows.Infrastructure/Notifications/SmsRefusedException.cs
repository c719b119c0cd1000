namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// The operator answered and did not take the message. <see cref="Permanent"/>: sending it again cannot
/// help (an invalid number), so the outbox gives it up at once; otherwise (credit, a busy server) it retries later.
/// </summary>
public sealed class SmsRefusedException(string provider, string code, string reason, bool permanent)
    : Exception($"{provider} refused the SMS: {code} {reason}")
{
    public string Code { get; } = code;
    public bool Permanent { get; } = permanent;
}
