using Quartz;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>
/// Quartz fires this when an engine timer comes due; it turns it into a signal. Idempotent: the
/// engine ignores a timer that is no longer pending, so a repeated firing changes nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TimerDueJob(FireTimer fireTimer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var raw = context.MergedJobDataMap.GetString(TimerScheduler.TimerIdKey);
        if (Guid.TryParse(raw, out var timerId))
        {
            await fireTimer.HandleAsync(timerId, cancellationToken);
        }
    }
}
