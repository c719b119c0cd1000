using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>Something that happened to an instance; applying one is one transaction.</summary>
public abstract record Signal(string Actor);

/// <summary>A new case: run from the start node until the first wait state.</summary>
public sealed record StartSignal(string Actor) : Signal(Actor);

/// <summary>A user finished a task with an outcome and the form's data.</summary>
public sealed record TaskCompletedSignal(HumanTask Task, string Outcome, IReadOnlyDictionary<string, string?> Data, string Actor)
    : Signal(Actor);

/// <summary>A timer came due (wait, escalation step or retry).</summary>
public sealed record TimerDueSignal(WorkflowTimer Timer) : Signal(SystemActor.Name);

/// <summary>The citizen answered (a reply by e-mail joined the case); only a node waiting for it takes it.</summary>
public sealed record CitizenRepliedSignal(Guid Mail, string Text) : Signal(Domain.Staff.Actor.CitizenName);

/// <summary>
/// Staff end the instance where it stands, its work going on elsewhere (a duplicate merged into another case):
/// it completes as at an end node, its step's timers stop, and the case is closed as a piece of work.
/// </summary>
public sealed record EndSignal(string Actor) : Signal(Actor);

/// <summary>An operator asks a failed node to run again.</summary>
public sealed record RetrySignal(string Actor) : Signal(Actor);

public static class SystemActor
{
    public const string Name = Domain.Staff.Actor.SystemName;
}
