using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Finishes the instance, optionally with a final citizen-visible status.</summary>
public sealed class EndNode : NodeType<EndNode.Props>
{
    public const string TypeName = "end";

    public override string Name => TypeName;
    public override bool IsEnd => true;


    protected override Props Starter => new() { Status = CaseStatuses.Closed };

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        if (properties.Status is not null)
        {
            context.ChangeStatus(properties.Status);
        }

        context.Case.ClosedAt ??= context.Now;
        return NodeStep.Finished;
    }

    public sealed class Props
    {
        [NodeProperty("status", "Final status the citizen sees, e.g. answered, rejected or closed.")]
        public string? Status { get; init; }
    }
}
