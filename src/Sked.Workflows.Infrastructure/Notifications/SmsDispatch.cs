namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Sends an outbox SMS at most once. When an earlier try may have reached the operator (its outcome
/// was never recorded: a timeout, a crash after the operator accepted), the operator is asked first
/// by the client message id; a message it already has is taken as sent, never sent again. If asking
/// fails, nothing is sent: the outbox tries again later.
/// </summary>
public sealed class SmsDispatch(ISmsGateway gateway)
{
    public string Provider => gateway.Provider;

    public async Task<SmsReceipt> SendOnceAsync(SmsToSend sms, bool mayHaveGoneOut, CancellationToken cancellationToken)
    {
        if (mayHaveGoneOut && await gateway.FindAsync(sms.Reference, cancellationToken) is { } known)
        {
            return known;
        }

        return await gateway.SendAsync(sms, cancellationToken);
    }
}
