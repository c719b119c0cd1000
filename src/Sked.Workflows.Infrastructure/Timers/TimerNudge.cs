using System.Threading.Channels;

namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>
/// Tells the due-timer poller, after a commit, that a timer now exists for a given moment, so a timer
/// due sooner than the poller's next look is fired on time instead of after the poll interval.
/// </summary>
public sealed class TimerNudge
{
    private readonly Channel<DateTimeOffset> _due = Channel.CreateBounded<DateTimeOffset>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Notify(DateTimeOffset dueAt) => _due.Writer.TryWrite(dueAt);

    /// <summary>Sleeps until <paramref name="until"/>, or until the moment of a timer announced meanwhile if that is sooner.</summary>
    public async Task SleepUntilAsync(DateTimeOffset until, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var left = until - time.GetUtcNow(); left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            using var alarm = new CancellationTokenSource(left, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, alarm.Token);
            try
            {
                var due = await _due.Reader.ReadAsync(linked.Token);
                until = due < until ? due : until;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
