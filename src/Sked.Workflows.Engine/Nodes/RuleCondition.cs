using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>One comparison of a case field with fixed values: the only logic a definition can hold.</summary>
public sealed class RuleCondition
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "notEquals", "in", "contains", "exists", "notExists"];

    [NodeProperty("caseField", "The case field (or var.<name>) compared.", Required = true)]
    public string Field { get; init; } = string.Empty;

    [NodeProperty("operator", "equals, notEquals, in, contains, exists or notExists.", Required = true)]
    public string Op { get; init; } = "equals";

    [NodeProperty(PropertyKinds.Line, "The value for equals, notEquals and contains.")]
    public string? Value { get; init; }

    [NodeProperty(PropertyKinds.StringList, "The values for in.")]
    public List<string>? Values { get; init; }

    /// <summary>Field and operator are checked from the metadata (PropertyValues); this checks what the operator needs.</summary>
    public void Validate(NodeCheck check, int rule)
    {
        if (Op is "equals" or "notEquals" or "contains" && Value is null)
        {
            check.Error(DefinitionErrors.OperatorNeedsValue, rule, Op);
        }
        else if (Op == "in" && (Values is null || Values.Count == 0))
        {
            check.Error(DefinitionErrors.OperatorNeedsValues, rule);
        }
    }

    public bool Matches(string? actual) => Op switch
    {
        "equals" => string.Equals(actual, Value, StringComparison.Ordinal),
        "notEquals" => !string.Equals(actual, Value, StringComparison.Ordinal),
        "in" => actual is not null && Values!.Contains(actual, StringComparer.Ordinal),
        "contains" => actual is not null && PersianText.MatchKey(actual).Contains(PersianText.MatchKey(Value), StringComparison.Ordinal),
        "exists" => !string.IsNullOrEmpty(actual),
        "notExists" => string.IsNullOrEmpty(actual),
        _ => false,
    };
}
