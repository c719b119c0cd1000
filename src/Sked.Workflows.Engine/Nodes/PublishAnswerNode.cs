using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Makes the answer a staff member wrote readable by tracking code, and marks the case answered.</summary>
public sealed class PublishAnswerNode : NodeType<PublishAnswerNode.Props>
{
    public override string Name => "publishAnswer";

    public override IReadOnlyList<PropertySpec> Properties =>
    [
        new("source", "string", false, "The task form field that holds the answer; default 'answer'."),
        new("status", "status", false, "Status after publishing; default answered."),
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
        if (!context.Instance.Variables.TryGetValue(properties.Source, out var answer) || string.IsNullOrWhiteSpace(answer))
        {
            throw new NodeFailureException($"there is no '{properties.Source}' to publish; the task before must collect it.");
        }

        context.Case.Answer = answer;
        context.Case.AnsweredAt = context.Now;
        context.ChangeStatus(properties.Status ?? CaseStatuses.Answered);
        context.Audit(new AnswerPublished(answer.Length));
        return NodeStep.Continue(Next);
    }

    public sealed class Props
    {
        public string Source { get; init; } = "answer";
        public string? Status { get; init; }
    }
}
