using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>
/// Applies one signal to one instance: runs nodes until the token waits (a wait state is a
/// transaction boundary), and returns the effects. Deterministic apart from new ids; no I/O.
/// </summary>
public static class Interpreter
{
    public static SignalResult Apply(CompiledWorkflow workflow, CaseFile @case, WorkflowInstance instance, Signal signal, DateTimeOffset now, EngineEnvironment environment)
    {
        var scope = new ExecutionScope(workflow, @case, instance, now, signal.Actor, environment);
        var result = signal switch
        {
            StartSignal => Start(scope),
            TaskCompletedSignal completed => CompleteTask(scope, completed),
            TimerDueSignal due => TimerDue(scope, due),
            RetrySignal => Retry(scope),
            CitizenRepliedSignal replied => CitizenReplied(scope, replied),
            EndSignal => End(scope),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "unknown signal"),
        };
        if (result.Status == SignalStatus.Applied)
        {
            instance.UpdatedAt = now;
        }

        return result;
    }

    private static SignalResult Start(ExecutionScope scope)
    {
        if (scope.Instance.CurrentNodeId is not null)
        {
            return SignalResult.Ignored("the instance has already started.");
        }

        Audit(scope, new InstanceStarted(scope.Workflow.Id, scope.Workflow.Version));
        Enter(scope, scope.Workflow.Start);
        return RunFrom(scope, scope.Workflow.Start);
    }

    private static SignalResult CompleteTask(ExecutionScope scope, TaskCompletedSignal signal)
    {
        var instance = scope.Instance;
        var task = signal.Task;
        if (!task.IsActive || instance.Status != InstanceStatus.Waiting
            || task.NodeId != instance.CurrentNodeId || task.Activation != instance.Activation)
        {
            return SignalResult.Conflict(Domain.Text.Message.Of(WorkflowMessages.TaskNoLongerOpen), "the task is no longer open.");
        }

        var node = scope.Workflow.Node(task.NodeId);
        return SignalAndRun(scope, node, signal);
    }

    private static SignalResult TimerDue(ExecutionScope scope, TimerDueSignal signal)
    {
        var timer = signal.Timer;
        var instance = scope.Instance;
        if (timer.Status != TimerStatus.Pending)
        {
            return SignalResult.Ignored("the timer has already fired or was cancelled.");
        }

        timer.Status = TimerStatus.Fired;
        timer.FiredAt = scope.Now;
        if (timer.Activation != instance.Activation || timer.NodeId != instance.CurrentNodeId)
        {
            // The node was left before the timer came due; firing it now would act on a later step.
            return new SignalResult(SignalStatus.Applied, scope.Effects, Message: "stale timer");
        }

        Audit(scope, new TimerFired(timer.Id, timer.Kind.ToString(), timer.Step, timer.NodeId));
        if (timer.Kind == TimerKind.Retry)
        {
            return instance.Status == InstanceStatus.Failing
                ? RunFrom(scope, scope.Workflow.Node(timer.NodeId))
                : new SignalResult(SignalStatus.Applied, scope.Effects);
        }

        return SignalAndRun(scope, scope.Workflow.Node(timer.NodeId), signal);
    }

    /// <summary>A citizen's reply resumes the instance only where it waits for one; anywhere else it is on the case file alone.</summary>
    private static SignalResult CitizenReplied(ExecutionScope scope, CitizenRepliedSignal signal)
    {
        var instance = scope.Instance;
        if (instance.Status != InstanceStatus.Waiting || instance.CurrentNodeId is null
            || scope.Workflow.Node(instance.CurrentNodeId).Type is not Nodes.AwaitReplyNode)
        {
            return SignalResult.Ignored("the instance is not waiting for the citizen.");
        }

        return SignalAndRun(scope, scope.Workflow.Node(instance.CurrentNodeId), signal);
    }

    /// <summary>
    /// Ends the instance where it waits (or fails): the step's timers stop — deadline, escalation, wait or retry —
    /// and it finishes as an end node would, closing the case's work; the status the citizen sees stays.
    /// </summary>
    private static SignalResult End(ExecutionScope scope)
    {
        if (scope.Instance.Status == InstanceStatus.Completed)
        {
            return SignalResult.Ignored("the instance has already completed.");
        }

        scope.Effects.Add(new CancelTimers(scope.Instance.Activation));
        scope.Case.ClosedAt ??= scope.Now;
        return Finish(scope);
    }

    private static SignalResult Retry(ExecutionScope scope)
    {
        var instance = scope.Instance;
        if (instance.Status is not (InstanceStatus.Incident or InstanceStatus.Failing) || instance.CurrentNodeId is null)
        {
            return SignalResult.Conflict(Domain.Text.Message.Of(WorkflowMessages.CaseNothingToRetry), "the instance has no failed step to retry.");
        }

        Audit(scope, new IncidentRetried(instance.Attempts, instance.LastError));
        instance.Attempts = 0;
        return RunFrom(scope, scope.Workflow.Node(instance.CurrentNodeId));
    }

    private static SignalResult SignalAndRun(ExecutionScope scope, CompiledNode node, Signal signal)
    {
        var context = new NodeContext(scope, node);
        NodeStep step;
        try
        {
            step = node.Type.OnSignal(context, signal);
        }
        catch (NodeFailureException ex)
        {
            return Fail(scope, node, ex.Message);
        }

        return step.Kind switch
        {
            NodeStepKind.Reject => SignalResult.Rejected(step.Errors!),
            NodeStepKind.Wait => new SignalResult(SignalStatus.Applied, scope.Effects),
            NodeStepKind.End => Finish(scope),
            _ => Advance(scope, node, step.Outcome!, leavingWaitState: true),
        };
    }

    private static SignalResult Advance(ExecutionScope scope, CompiledNode node, string outcome, bool leavingWaitState)
    {
        if (leavingWaitState)
        {
            scope.Effects.Add(new CancelTimers(scope.Instance.Activation));
        }

        Audit(scope, new NodeLeft(node.Id, outcome));
        var next = scope.Workflow.Next(node.Id, outcome);
        if (next is null)
        {
            return Fail(scope, node, $"no connection from '{node.Id}' for outcome '{outcome}'.");
        }

        Enter(scope, next);
        return RunFrom(scope, next);
    }

    private static SignalResult RunFrom(ExecutionScope scope, CompiledNode start)
    {
        var node = start;
        for (var steps = 0; steps < scope.Environment.Limits.MaxStepsPerSignal; steps++)
        {
            var mark = scope.Effects.Count;
            NodeStep step;
            try
            {
                step = node.Type.Execute(new NodeContext(scope, node));
            }
            catch (NodeFailureException ex)
            {
                // What the failing node emitted is dropped; what earlier nodes did stands.
                scope.Effects.RemoveRange(mark, scope.Effects.Count - mark);
                return Fail(scope, node, ex.Message);
            }

            switch (step.Kind)
            {
                case NodeStepKind.Wait:
                    scope.Instance.Status = InstanceStatus.Waiting;
                    scope.Instance.Attempts = 0;
                    scope.Instance.LastError = null;
                    return new SignalResult(SignalStatus.Applied, scope.Effects);
                case NodeStepKind.End:
                    return Finish(scope);
                case NodeStepKind.Reject:
                    return SignalResult.Rejected(step.Errors!);
            }

            Audit(scope, new NodeLeft(node.Id, step.Outcome));
            var next = scope.Workflow.Next(node.Id, step.Outcome!);
            if (next is null)
            {
                return Fail(scope, node, $"no connection from '{node.Id}' for outcome '{step.Outcome}'.");
            }

            Enter(scope, next);
            node = next;
        }

        return Fail(scope, node, $"more than {scope.Environment.Limits.MaxStepsPerSignal} steps without a wait state.");
    }

    private static void Enter(ExecutionScope scope, CompiledNode node)
    {
        var instance = scope.Instance;
        instance.Activation++;
        instance.CurrentNodeId = node.Id;
        instance.Status = InstanceStatus.Running;
        Audit(scope, new NodeEntered(node.Id, node.Type.Name, instance.Activation));
    }

    private static SignalResult Finish(ExecutionScope scope)
    {
        scope.Instance.Status = InstanceStatus.Completed;
        scope.Instance.CompletedAt = scope.Now;
        scope.Instance.Attempts = 0;
        scope.Instance.LastError = null;
        Audit(scope, new InstanceCompleted(scope.Instance.CurrentNodeId));
        return new SignalResult(SignalStatus.Applied, scope.Effects);
    }

    private static SignalResult Fail(ExecutionScope scope, CompiledNode node, string message)
    {
        var instance = scope.Instance;
        instance.Status = InstanceStatus.Failing;
        instance.Attempts++;
        instance.LastError = message;
        Audit(scope, new NodeFailed(node.Id, instance.Attempts, message));
        if (instance.Attempts >= scope.Environment.Limits.MaxAttempts)
        {
            instance.Status = InstanceStatus.Incident;
            Audit(scope, new IncidentRaised(node.Id, instance.Attempts, message));
        }
        else
        {
            scope.Effects.Add(new ScheduleTimer(new WorkflowTimer
            {
                InstanceId = instance.Id,
                Activation = instance.Activation,
                NodeId = node.Id,
                Kind = TimerKind.Retry,
                Step = instance.Attempts,
                DueAt = scope.Now + scope.Environment.Limits.RetryDelay(instance.Attempts),
                CreatedAt = scope.Now,
            }));
        }

        return new SignalResult(SignalStatus.Applied, scope.Effects, Message: message);
    }

    private static void Audit(ExecutionScope scope, AuditEventData data) => scope.Effects.Add(new AuditEffect(data, scope.Actor));
}
