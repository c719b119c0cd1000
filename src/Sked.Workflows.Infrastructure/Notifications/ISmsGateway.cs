namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// One SMS operator's API. Every message carries its outbox row id as the operator's client message
/// id (<see cref="SmsToSend.ClientId"/>), so the operator can be asked afterwards whether it has it.
/// </summary>
public interface ISmsGateway
{
    /// <summary>The adapter's name, stored beside each SMS (Kavenegar, Magfa, Http, Log).</summary>
    string Provider { get; }

    /// <summary>
    /// Hands the SMS to the operator and returns what it answered. Throws <see cref="SmsRefusedException"/>
    /// when the operator said no; any other exception means the outcome is unknown (it may have the message).
    /// </summary>
    Task<SmsReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken);

    /// <summary>What the operator knows of the message: null when it has no message with that client id, so sending it is safe.</summary>
    Task<SmsReceipt?> FindAsync(SmsReference sms, CancellationToken cancellationToken);
}

/// <summary>Hands one composed e-mail to the mail server. Throws on failure, so the outbox retries.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>An SMS on its way: <paramref name="Id"/> is the outbox row's id.</summary>
public sealed record SmsToSend(Guid Id, string To, string Text)
{
    public long ClientId => ClientMessageId.Of(Id);

    public SmsReference Reference => new(Id, null);
}

/// <summary>Which message to ask the operator about: the outbox row's id, and the operator's own id once known.</summary>
public sealed record SmsReference(Guid Id, string? OperatorId)
{
    public long ClientId => ClientMessageId.Of(Id);
}

/// <summary>The operator's answer: its id for the message and the message's state there.</summary>
public sealed record SmsReceipt(string? OperatorId, SmsState State);
