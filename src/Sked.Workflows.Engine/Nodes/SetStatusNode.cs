using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Moves the status the citizen sees on the tracking page.</summary>
public sealed class SetStatusNode : NodeType<SetStatusNode.Props>
{
    public override string Name => "setStatus";


    protected override Props Starter => new() { Status = CaseStatuses.InProgress };

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var detail = properties.ShowDepartment ? context.DepartmentName(context.Case.Department) : null;
        context.ChangeStatus(properties.Status!, detail);
        return NodeStep.Continue(Next);
    }

    public sealed class Props
    {
        [NodeProperty("status", "Status key from the catalogue (received, in-review, referred, ...).", Required = true)]
        public string? Status { get; init; }

        [NodeProperty(PropertyKinds.Boolean, "Show the case's department name beside the status on the timeline.")]
        public bool ShowDepartment { get; init; }
    }
}
