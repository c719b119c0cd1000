using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>One comparison of a case field with fixed values: the only logic a definition can hold.</summary>
public sealed class RuleCondition
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "notEquals", "in", "contains", "exists", "notExists"];

    public string Field { get; init; } = string.Empty;
    public string Op { get; init; } = "equals";
    public string? Value { get; init; }
    public List<string>? Values { get; init; }

    public void Validate(NodeCheck check, string where)
    {
        if (!CaseFields.IsKnown(Field))
        {
            check.Error($"{where}: unknown field '{Field}'; use one of {string.Join(", ", CaseFields.Names)} or var.<name>.");
        }

        if (!Operators.Contains(Op))
        {
            check.Error($"{where}: unknown operator '{Op}'; use one of {string.Join(", ", Operators)}.");
        }
        else if (Op is "equals" or "notEquals" or "contains" && Value is null)
        {
            check.Error($"{where}: operator '{Op}' needs a 'value'.");
        }
        else if (Op == "in" && (Values is null || Values.Count == 0))
        {
            check.Error($"{where}: operator 'in' needs 'values'.");
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
