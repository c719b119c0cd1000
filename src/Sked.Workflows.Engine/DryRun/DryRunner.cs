using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.DryRun;

/// <summary>Replays recorded cases on a draft with the interpreter; nothing is written anywhere.</summary>
public static class DryRunner
{
    /// <summary>The most signals one replay gives, so a draft that loops between tasks still ends.</summary>
    public const int MaxSignals = 200;

    /// <summary>
    /// Replays one case. <paramref name="recordedDefinition"/> is the version the case ran on.
    /// The recorded steps are given in order to the tasks and timers the draft waits at; a timer the
    /// history does not account for is taken as elapsed (and listed in Assumed), except a timer of the recorded
    /// version once the history is used up: the real case is still waiting there, so the verdict is Waiting.
    /// A new task with a single outcome is completed with it and empty data. Escalation timers are never fired.
    /// Any history that does not fit the draft ends in a verdict, never an exception.
    /// <see cref="RecordedCase.Submission"/> is changed by the replay.
    /// </summary>
    public static DryRunResult Replay(CompiledWorkflow draft, WorkflowDefinition recordedDefinition, RecordedCase recorded, EngineEnvironment environment) =>
        new ReplayRun(draft, recordedDefinition, recorded, environment).Run();
}
