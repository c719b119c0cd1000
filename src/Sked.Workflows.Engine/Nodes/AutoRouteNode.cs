using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Suggests the department from a rule table (type, category, keywords, region); the first matching
/// rule wins and its reason is recorded, so the e-desk can see why and change it.
/// </summary>
public sealed class AutoRouteNode : NodeType<AutoRouteNode.Props>
{
    public override string Name => "autoRoute";


    protected override Props Starter => new() { DefaultDepartment = "customer-service" };

    protected override void Validate(Props properties, NodeCheck check)
    {
        check.Department(properties.DefaultDepartment, PropertyValues.Name("defaultDepartment"));
        for (var i = 0; i < properties.Rules.Count; i++)
        {
            var rule = properties.Rules[i];
            if (!string.IsNullOrEmpty(rule.Department))
            {
                // An empty code was reported as missing already, not also as an unknown department.
                check.Department(rule.Department, PropertyValues.ItemField("rules", i + 1, "department"));
            }
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var (department, reason) = Choose(context, properties);
        var before = context.Case.Department;
        context.Case.Department = department;
        context.Instance.Variables["suggestedDepartment"] = department;
        context.Instance.Variables["routingReason"] = reason;
        context.Audit(new RoutingDecided(before, department, reason));
        return NodeStep.Continue(Next);
    }

    private static (string Department, string Reason) Choose(NodeContext context, Props properties)
    {
        var text = PersianText.MatchKey(context.Case.Subject + " " + context.Case.Body);
        var address = PersianText.MatchKey(context.Case.Address);
        for (var i = 0; i < properties.Rules.Count; i++)
        {
            var rule = properties.Rules[i];
            var keyword = rule.Keywords.Count == 0 ? null : rule.Keywords.FirstOrDefault(k => text.Contains(PersianText.MatchKey(k), StringComparison.Ordinal));
            if ((rule.Type is null || rule.Type == context.Case.Type)
                && (rule.Category is null || rule.Category == context.Case.Category)
                && (rule.Region is null || address.Contains(PersianText.MatchKey(rule.Region), StringComparison.Ordinal))
                && (rule.Keywords.Count == 0 || keyword is not null))
            {
                var reason = $"rule {i + 1}" + (keyword is null ? string.Empty : $": keyword '{keyword}'")
                    + (rule.Category is null ? string.Empty : $": category {rule.Category}");
                RecordRule(context.Instance.Variables, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), keyword, rule.Category);
                return (rule.Department, reason);
            }
        }

        RecordRule(context.Instance.Variables, null, null, null);
        return (properties.DefaultDepartment, "default");
    }

    // The matching rule as data (number, keyword, category), so a screen says the reason in its own words.
    private static void RecordRule(Dictionary<string, string> variables, string? rule, string? keyword, string? category)
    {
        foreach (var (name, value) in new[] { ("routingRule", rule), ("routingKeyword", keyword), ("routingCategory", category) })
        {
            if (value is null)
            {
                variables.Remove(name);
            }
            else
            {
                variables[name] = value;
            }
        }
    }

    public sealed class Props
    {
        [NodeProperty("routingRules", "Ordered rules; every criterion given must hold (keywords: any one of them).")]
        public List<Rule> Rules { get; init; } = [];

        [NodeProperty(PropertyKinds.Department, "Department when no rule matches.", Required = true)]
        public string DefaultDepartment { get; init; } = string.Empty;
    }

    public sealed class Rule
    {
        [NodeProperty("caseType", "Only cases of this type.")]
        public string? Type { get; init; }

        [NodeProperty("category", "Only reports of this category.")]
        public string? Category { get; init; }

        [NodeProperty(PropertyKinds.Line, "Only cases whose address contains this text.")]
        public string? Region { get; init; }

        [NodeProperty(PropertyKinds.StringList, "Any one of these words in the subject or body.")]
        public List<string> Keywords { get; init; } = [];

        [NodeProperty(PropertyKinds.Department, "The department the case goes to.", Required = true)]
        public string Department { get; init; } = string.Empty;
    }
}
