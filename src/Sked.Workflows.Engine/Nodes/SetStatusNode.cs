using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Moves the status the citizen sees on the tracking page.</summary>
public sealed class SetStatusNode : NodeType<SetStatusNode.Props>
{
    public override string Name => "setStatus";

    public override IReadOnlyList<PropertySpec> Properties =>
    [
        new("status", "status", true, "Status key from the catalogue (received, in-review, referred, ...)."),
        new("showDepartment", "boolean", false, "Show the case's department name beside the status on the timeline."),
    ];

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (properties.Status is not null && !CaseStatuses.IsKnown(properties.Status))
        {
            check.Error($"unknown status '{properties.Status}'; use one of: {string.Join(", ", CaseStatuses.PersianLabels.Keys)}.");
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var detail = properties.ShowDepartment ? context.DepartmentName(context.Case.Department) : null;
        context.ChangeStatus(properties.Status!, detail);
        return NodeStep.Continue(Next);
    }

    public sealed class Props
    {
        public string? Status { get; init; }
        public bool ShowDepartment { get; init; }
    }
}
