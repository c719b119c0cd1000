using System.Threading.Channels;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher right after a commit, so an SMS or e-mail does not wait for the next poll.</summary>
public sealed class OutboxNudge
{
    // One pending wake-up is enough: the dispatcher drains everything that is due when it wakes.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a commit; look anyway.
        }
    }
}
