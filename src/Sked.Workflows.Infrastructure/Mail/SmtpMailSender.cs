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
        // The server has taken the mail: neither a stop arriving now nor a failed goodbye may make it look
        // unsent, or it would go out twice.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException)
        {
            LogQuitFailed(logger, message.MessageId ?? "-", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} was sent, but the SMTP goodbye failed")]
    private static partial void LogQuitFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP host configured (Mail__Smtp__Host); mail {MessageId} logged only")]
    private static partial void LogNotConfigured(ILogger logger, string messageId);
}
