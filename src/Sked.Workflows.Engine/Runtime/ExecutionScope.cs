using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>The state one signal works on, and the effects it has produced so far.</summary>
internal sealed class ExecutionScope(CompiledWorkflow workflow, CaseFile @case, WorkflowInstance instance, DateTimeOffset now, string actor, EngineEnvironment environment)
{
    public CompiledWorkflow Workflow { get; } = workflow;
    public CaseFile Case { get; } = @case;
    public WorkflowInstance Instance { get; } = instance;
    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;
    public EngineEnvironment Environment { get; } = environment;
    public List<Effect> Effects { get; } = [];

    /// <summary>A letter's password issued by this signal, in clear only until it commits (a notify node may send it).</summary>
    public string? IssuedPassword { get; set; }
}
