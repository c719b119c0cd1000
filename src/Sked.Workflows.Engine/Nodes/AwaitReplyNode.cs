using Sked.Workflows.Domain.Calendar;
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

    protected override void Validate(Props properties, NodeCheck check) => Deadlines.CheckPlain(properties.Timeout, "timeout", check);

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var question = context.Instance.Variables.GetValueOrDefault(NotifyNode.QuestionVariable);
        if (!string.IsNullOrWhiteSpace(properties.Status))
        {
            // The question is on the tracking page too, where the citizen may answer it.
            context.ChangeStatus(properties.Status, properties.PauseClock ? question : null);
        }

        if (properties.PauseClock && context.Case.PausedAt is null)
        {
            context.Case.PausedAt = context.Now;
            context.Audit(new ClockPaused(question));
        }

        if (!string.IsNullOrWhiteSpace(properties.Timeout))
        {
            var timer = new WorkflowTimer
            {
                InstanceId = context.Instance.Id,
                Activation = context.Instance.Activation,
                NodeId = context.Node.Id,
                Kind = TimerKind.Wait,
                DueAt = context.DueAt(properties.Timeout),
                Rule = properties.Timeout,
                CalendarVersion = context.CalendarVersion,
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
                Resume(context, Replied);
                return NodeStep.Continue(Replied);
            case TimerDueSignal { Timer.Kind: TimerKind.Wait }:
                Resume(context, TimedOut);
                return NodeStep.Continue(TimedOut);
            default:
                throw new NodeFailureException($"an awaitReply node does not handle {signal.GetType().Name}.");
        }
    }

    /// <summary>The clock runs again: the promised date moves on by what was left of it when it stopped.</summary>
    private static void Resume(NodeContext context, string why)
    {
        if (context.Case.PausedAt is not { } pausedAt)
        {
            return;
        }

        context.Case.PausedAt = null;
        context.Audit(new ClockResumed(pausedAt, why));
        if (context.Case is { ExpectedAnswerAt: { } before, AnswerRule: { } rule })
        {
            var calendar = context.Environment.Calendar;
            var after = Deadline.Parse(rule).Recount(before, pausedAt, calendar, context.Now, calendar);
            if (after != before)
            {
                context.Case.ExpectedAnswerAt = after;
                context.Case.AnswerCalendarVersion = calendar.Version;
                context.Case.PromiseMovedBy = DeadlineReasons.Pause;
                context.Case.PromiseMovedDetail = null;
                context.Audit(new DeadlineMoved(DeadlineReasons.Promise, null, before, after, DeadlineReasons.Pause, null, calendar.Version));
            }
        }
    }

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.Duration, "How long to wait for the reply before continuing with 'timeout' (ISO 8601, e.g. P7D); none waits for ever.")]
        public string? Timeout { get; init; }

        [NodeProperty("status", "Status the citizen sees while the company waits for them.")]
        public string? Status { get; init; }

        [NodeProperty(PropertyKinds.Boolean, "Stop the case's clock while waiting: the promised answer date moves on by the wait (the citizen sees why).")]
        public bool PauseClock { get; init; }
    }
}
