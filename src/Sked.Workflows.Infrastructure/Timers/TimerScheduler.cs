using Quartz;

namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>
/// Keeps one Quartz trigger per pending engine timer, keyed by the timer's id, so scheduling the
/// same timer twice (outbox redelivery, reconciliation) never makes it fire twice.
/// </summary>
public sealed class TimerScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "sked-timers";
    public const string TimerIdKey = "timerId";

    public async Task EnsureScheduledAsync(Guid timerId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = new JobKey(timerId.ToString(), Group);
        if (await scheduler.Exists(jobKey, cancellationToken))
        {
            return;
        }

        var job = JobBuilder.Create<TimerDueJob>()
            .WithIdentity(jobKey)
            .UsingJobData(TimerIdKey, timerId.ToString())
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(timerId.ToString(), Group)
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node of the cluster scheduled it between the check and now: that is the goal.
        }
    }

    public async Task UnscheduleAsync(Guid timerId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(timerId.ToString(), Group), cancellationToken);
    }
}
