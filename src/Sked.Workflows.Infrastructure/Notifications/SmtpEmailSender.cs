using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Sends e-mail over SMTP with MailKit; without a configured host it only logs.</summary>
public sealed partial class SmtpEmailSender(IOptions<NotificationOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string text, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrEmpty(smtp.Host))
        {
            LogNotConfigured(logger, text.Length);
            return;
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP host configured; e-mail ({Length} chars) logged only")]
    private static partial void LogNotConfigured(ILogger logger, int length);
}
