using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// System use case: a due timer (wait, escalation step, retry) is delivered to its instance; one that
/// already fired or was cancelled is ignored, so a delivery repeated by the scheduler changes nothing.
/// </summary>
public sealed class FireTimer(EngineRunner runner)
{
    public Task<WorkflowResult> HandleAsync(Guid timerId, CancellationToken cancellationToken) =>
        runner.RunAsync(async step =>
        {
            var timer = await step.TimerAsync(timerId, cancellationToken);
            if (timer is null || timer.Status != TimerStatus.Pending)
            {
                return WorkflowResult.Ok;
            }

            return await step.SignalAsync(timer.InstanceId, Actor.System, new TimerDueSignal(timer), cancellationToken);
        }, cancellationToken);
}
