using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.DryRun;

/// <summary>Replays recorded cases on a draft with the interpreter; nothing is written anywhere.</summary>
public static class DryRunner
{
    /// <summary>Replays one case. <paramref name="recordedDefinition"/> is the version the case ran on.</summary>
    public static DryRunResult Replay(CompiledWorkflow draft, WorkflowDefinition recordedDefinition, RecordedCase recorded, EngineEnvironment environment) =>
        throw new NotSupportedException("contract placeholder: implemented on the designer-engine branch");
}
