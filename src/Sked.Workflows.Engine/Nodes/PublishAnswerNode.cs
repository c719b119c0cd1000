using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Makes the answer a staff member wrote readable by tracking code, and marks the case answered.</summary>
public sealed class PublishAnswerNode : NodeType<PublishAnswerNode.Props>
{
    public override string Name => "publishAnswer";


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
        [NodeProperty(PropertyKinds.Line, "The task form field that holds the answer; default 'answer'.")]
        public string Source { get; init; } = "answer";

        [NodeProperty("status", "Status after publishing; default answered.")]
        public string? Status { get; init; }
    }
}
