using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Chooses an outcome from a rule table over case fields; the first rule whose conditions all hold wins.</summary>
public sealed class DecisionNode : NodeType<DecisionNode.Props>
{
    public override string Name => "decision";


    protected override Props Starter => new()
    {
        Rules = [new() { When = [new() { Field = "case.answerType", Op = "equals", Value = "public" }], Outcome = "yes" }],
        DefaultOutcome = "no",
    };

    protected override IReadOnlyList<string> Outcomes(Props properties) =>
        properties.Rules.Select(r => r.Outcome)
            .Concat(properties.DefaultOutcome is null ? [] : [properties.DefaultOutcome])
            .Where(o => !string.IsNullOrEmpty(o))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (properties.Rules.Count == 0)
        {
            check.Error(DefinitionErrors.DecisionWithoutRules);
        }

        for (var i = 0; i < properties.Rules.Count; i++)
        {
            foreach (var condition in properties.Rules[i].When)
            {
                condition.Validate(check, i + 1);
            }
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        for (var i = 0; i < properties.Rules.Count; i++)
        {
            var rule = properties.Rules[i];
            if (rule.When.TrueForAll(c => c.Matches(CaseFields.Read(c.Field, context.Case, context.Instance))))
            {
                context.Audit(new DecisionTaken(new DecisionRule(i + 1), rule.Outcome));
                return NodeStep.Continue(rule.Outcome);
            }
        }

        if (properties.DefaultOutcome is null)
        {
            throw new NodeFailureException("no rule matched and the decision has no defaultOutcome.");
        }

        context.Audit(new DecisionTaken(DecisionRule.Default, properties.DefaultOutcome));
        return NodeStep.Continue(properties.DefaultOutcome);
    }

    public sealed class Props
    {
        [NodeProperty("decisionRules", "Ordered rules: when (all conditions) → outcome.", Required = true)]
        public List<Rule> Rules { get; init; } = [];

        [NodeProperty(PropertyKinds.Line, "Outcome when no rule matches; without it, no match is a failure.")]
        public string? DefaultOutcome { get; init; }
    }

    public sealed class Rule
    {
        [NodeProperty("conditions", "Conditions that must all hold; none means always.")]
        public List<RuleCondition> When { get; init; } = [];

        [NodeProperty(PropertyKinds.Line, "The outcome the node finishes with when the rule holds.", Required = true)]
        public string Outcome { get; init; } = string.Empty;
    }
}
