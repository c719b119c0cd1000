using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Citizens;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Posts each SMS to the operator's HTTP API. Without a configured URL it only logs (redacted), so
/// a developer machine never texts a real citizen.
/// </summary>
public sealed partial class HttpSmsGateway(HttpClient http, IOptions<NotificationOptions> options, ILogger<HttpSmsGateway> logger) : ISmsGateway
{
    public async Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        if (sms.Url is null)
        {
            var redacted = MobileNumber.Redact(mobile);
            LogNotConfigured(logger, redacted, text.Length);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url) { Content = JsonContent.Create(new { to = mobile, text }) };
        if (sms.ApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", sms.ApiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No SMS operator configured; SMS to {Mobile} ({Length} chars) logged only")]
    private static partial void LogNotConfigured(ILogger logger, string mobile, int length);
}
