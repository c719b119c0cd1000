using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sked.Workflows.Infrastructure.Notifications;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>Sends mail over SMTP (Mail__Smtp__*: authentication and TLS as configured); without a host it only logs.</summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrEmpty(smtp.Host))
        {
            LogNotConfigured(logger, message.MessageId ?? "-");
            return;
        }

        using var client = new SmtpClient();
        await MailConnections.ConnectAsync(client, smtp, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP host configured (Mail__Smtp__Host); mail {MessageId} logged only")]
    private static partial void LogNotConfigured(ILogger logger, string messageId);
}
