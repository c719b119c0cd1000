using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Chooses an outcome from a rule table over case fields; the first rule whose conditions all hold wins.</summary>
public sealed class DecisionNode : NodeType<DecisionNode.Props>
{
    public override string Name => "decision";

    public override IReadOnlyList<PropertySpec> Properties =>
    [
        new("rules", "decisionRules", true, "Ordered rules: when (all conditions) → outcome."),
        new("defaultOutcome", "string", false, "Outcome when no rule matches; without it, no match is a failure."),
    ];

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
            check.Error("a decision needs at least one rule.");
        }

        for (var i = 0; i < properties.Rules.Count; i++)
        {
            var rule = properties.Rules[i];
            if (string.IsNullOrEmpty(rule.Outcome))
            {
                check.Error($"rule {i + 1} has no outcome.");
            }

            foreach (var condition in rule.When)
            {
                condition.Validate(check, $"rule {i + 1}");
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
        public List<Rule> Rules { get; init; } = [];
        public string? DefaultOutcome { get; init; }
    }

    public sealed class Rule
    {
        public List<RuleCondition> When { get; init; } = [];
        public string Outcome { get; init; } = string.Empty;
    }
}
