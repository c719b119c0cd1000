using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Waits for a fixed time (e.g. a cooling-off period before closing).</summary>
public sealed class TimerNode : NodeType<TimerNode.Props>
{
    public const string TypeName = "timer";

    public override string Name => TypeName;


    protected override Props Starter => new() { Duration = "P1D" };

    protected override void Validate(Props properties, NodeCheck check) => Deadlines.CheckPlain(properties.Duration, "duration", check);

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var timer = new WorkflowTimer
        {
            InstanceId = context.Instance.Id,
            Activation = context.Instance.Activation,
            NodeId = context.Node.Id,
            Kind = TimerKind.Wait,
            DueAt = context.DueAt(properties.Duration!),
            Rule = properties.Duration,
            CalendarVersion = context.CalendarVersion,
            CreatedAt = context.Now,
        };
        context.Emit(new ScheduleTimer(timer));
        context.Audit(new TimerScheduled(timer.Id, "wait", null, timer.DueAt));
        return NodeStep.Wait;
    }

    protected override NodeStep OnSignal(NodeContext context, Props properties, Signal signal) =>
        signal is TimerDueSignal { Timer.Kind: TimerKind.Wait }
            ? NodeStep.Continue(Next)
            : throw new NodeFailureException($"a timer node does not handle {signal.GetType().Name}.");

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.Duration, "How long to wait: calendar time (ISO 8601, e.g. PT1H or P2D) or working time (2WD, 4WH).", Required = true)]
        public string? Duration { get; init; }
    }
}
