namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Sends one SMS through the operator. Throws when the operator refuses, so the outbox retries.</summary>
public interface ISmsGateway
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>Hands one composed e-mail to the mail server. Throws on failure, so the outbox retries.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken);
}
