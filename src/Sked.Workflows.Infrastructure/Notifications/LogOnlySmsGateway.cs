using Microsoft.Extensions.Logging;
using Sked.Workflows.Domain.Citizens;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>No operator configured: each SMS is logged (number redacted, no text) and counts as sent, so a developer machine never texts a citizen.</summary>
public sealed partial class LogOnlySmsGateway(ILogger<LogOnlySmsGateway> logger) : ISmsGateway
{
    public string Provider => SmsProviders.Log;

    public Task<SmsReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        var redacted = MobileNumber.Redact(sms.To);
        LogNotConfigured(logger, redacted, sms.Text.Length);
        return Task.FromResult(new SmsReceipt(null, SmsState.SentToOperator));
    }

    /// <summary>Nothing was ever sent anywhere, so there is nothing to find; no delivery report will come.</summary>
    public Task<SmsReceipt?> FindAsync(SmsReference sms, CancellationToken cancellationToken) => Task.FromResult<SmsReceipt?>(null);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No SMS operator configured; SMS to {Mobile} ({Length} chars) logged only")]
    private static partial void LogNotConfigured(ILogger logger, string mobile, int length);
}
