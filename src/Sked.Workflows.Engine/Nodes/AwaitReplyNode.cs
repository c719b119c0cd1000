using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Waits for the citizen to answer a question staff asked (by e-mail): their reply continues with
/// <c>replied</c>, its text kept in the variable <c>citizenReply</c>; with a timeout and no reply by
/// then, <c>timeout</c>.
/// </summary>
public sealed class AwaitReplyNode : NodeType<AwaitReplyNode.Props>
{
    public const string TypeName = "awaitReply";
    public const string Replied = "replied";
    public const string TimedOut = "timeout";

    /// <summary>The variable that holds the citizen's reply for the steps after.</summary>
    public const string ReplyVariable = "citizenReply";

    public override string Name => TypeName;

    protected override Props Starter => new() { Timeout = "P7D", Status = CaseStatuses.AwaitingCitizen };

    protected override IReadOnlyList<string> Outcomes(Props properties) =>
        string.IsNullOrWhiteSpace(properties.Timeout) ? [Replied] : [Replied, TimedOut];

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        if (!string.IsNullOrWhiteSpace(properties.Status))
        {
            context.ChangeStatus(properties.Status);
        }

        if (!string.IsNullOrWhiteSpace(properties.Timeout))
        {
            var timer = new WorkflowTimer
            {
                InstanceId = context.Instance.Id,
                Activation = context.Instance.Activation,
                NodeId = context.Node.Id,
                Kind = TimerKind.Wait,
                DueAt = context.Now + Durations.Parse(properties.Timeout),
                CreatedAt = context.Now,
            };
            context.Emit(new ScheduleTimer(timer));
            context.Audit(new TimerScheduled(timer.Id, "wait", null, timer.DueAt));
        }

        return NodeStep.Wait;
    }

    protected override NodeStep OnSignal(NodeContext context, Props properties, Signal signal)
    {
        switch (signal)
        {
            case CitizenRepliedSignal replied:
                context.Instance.Variables[ReplyVariable] = replied.Text;
                return NodeStep.Continue(Replied);
            case TimerDueSignal { Timer.Kind: TimerKind.Wait }:
                return NodeStep.Continue(TimedOut);
            default:
                throw new NodeFailureException($"an awaitReply node does not handle {signal.GetType().Name}.");
        }
    }

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.Duration, "How long to wait for the reply before continuing with 'timeout' (ISO 8601, e.g. P7D); none waits for ever.")]
        public string? Timeout { get; init; }

        [NodeProperty("status", "Status the citizen sees while the company waits for them.")]
        public string? Status { get; init; }
    }
}
