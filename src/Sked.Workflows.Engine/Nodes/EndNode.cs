using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Finishes the instance, optionally with a final citizen-visible status.</summary>
public sealed class EndNode : NodeType<EndNode.Props>
{
    public const string TypeName = "end";

    public override string Name => TypeName;
    public override bool IsEnd => true;

    public override IReadOnlyList<PropertySpec> Properties =>
    [
        new("status", "status", false, "Final status the citizen sees, e.g. answered, rejected or closed."),
    ];

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (properties.Status is not null && !CaseStatuses.IsKnown(properties.Status))
        {
            check.Error($"unknown status '{properties.Status}'.");
        }
    }

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
        public string? Status { get; init; }
    }
}
