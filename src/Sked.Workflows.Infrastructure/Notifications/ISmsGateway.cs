namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>Sends one SMS through the operator. Throws when the operator refuses, so the outbox retries.</summary>
public interface ISmsGateway
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>Sends one e-mail. Throws on failure, so the outbox retries.</summary>
public interface IEmailSender
{
    Task SendAsync(string recipient, string subject, string text, CancellationToken cancellationToken);
}
