using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Counts an answered public question for the FAQ: a repeat the e-desk confirmed counts on its entry,
/// otherwise the question (its subject, never the body) is kept as an internal entry. Once an entry
/// has been asked <c>threshold</c> times it is <b>proposed</b>: a person edits the wording and publishes
/// it. Nothing a citizen typed is published by this node.
/// </summary>
public sealed class PromoteToFaqNode : NodeType<PromoteToFaqNode.Props>
{
    public override string Name => "promoteToFaq";

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (properties.Threshold < 1)
        {
            check.Error(DefinitionErrors.ThresholdTooSmall);
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        if (string.IsNullOrWhiteSpace(context.Case.Answer))
        {
            throw new NodeFailureException("a question reaches the FAQ only with its published answer.");
        }

        var key = PersianText.MatchKey(context.Case.Subject + " " + context.Case.Body);
        context.Case.QuestionKey = key;
        context.Emit(new FaqRepeatEffect(key, context.Case.Subject, context.Case.Answer, properties.Threshold));
        context.Audit(new FaqCounted(properties.Threshold));
        return NodeStep.Continue(Next);
    }

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.Number, "How many citizens must ask the same question before it is proposed for the FAQ (a person edits and publishes it); default 2.")]
        public int Threshold { get; init; } = 2;
    }
}
