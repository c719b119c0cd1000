using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// The kinds a <see cref="NodePropertyAttribute"/> may name and what each holds: a scalar, a choice
/// from a fixed list (the same lists the engine validates against, so an editor cannot offer what
/// the engine refuses), or a list of records whose fields are read from the item class.
/// </summary>
public static class PropertyKinds
{
    /// <summary>One line of text.</summary>
    public const string Line = "string";
    public const string Text = "text";
    public const string Boolean = "boolean";
    /// <summary>A whole number.</summary>
    public const string Number = "integer";
    public const string Duration = "duration";
    public const string Department = "department";
    public const string StringList = "stringList";

    /// <summary>Kinds edited as one line of text.</summary>
    public static readonly IReadOnlyList<string> Scalars = [Line, Duration, Number];

    /// <summary>Kinds that are neither a choice nor a list of records.</summary>
    public static readonly IReadOnlyList<string> Plain = [Line, Text, Boolean, Number, Duration, Department, StringList];

    private static readonly Dictionary<string, Choice> Choices = new(StringComparer.Ordinal)
    {
        ["role"] = new("role", Roles.Working),
        ["staffRole"] = new("role", Roles.All),
        ["status"] = new("status", CaseStatuses.All),
        ["channel"] = new("channel", NotifyNode.Channels),
        ["recipient"] = new("recipient", NotifyNode.Recipients),
        ["escalationAction"] = new("escalationAction", EscalationStep.Actions),
        ["fieldType"] = new("fieldType", FormField.Types),
        ["binding"] = new("binding", FormField.Bindings),
        ["caseField"] = new("caseField", [.. CaseFields.Names], CaseFields.VariablePattern),
        ["operator"] = new("operator", RuleCondition.Operators),
        ["caseType"] = new("caseType", CaseTypes.All),
        ["category"] = new("category", ReportCategories.All),
    };

    private static readonly Lazy<Dictionary<string, IReadOnlyList<PropertySpec>>> Items = new(CollectItems);

    /// <summary>The allowed values of a choice kind, or null when the kind is no fixed choice.</summary>
    public static IReadOnlyList<string>? ChoicesOf(string kind) => Choices.GetValueOrDefault(kind)?.Values;

    /// <summary>The catalogue family that labels a choice kind's values (role, status...), or null.</summary>
    public static string? FamilyOf(string kind) => Choices.GetValueOrDefault(kind)?.Family;

    /// <summary>A pattern a choice kind also accepts beyond its list (var.&lt;name&gt; for case fields), or null.</summary>
    public static string? OtherPatternOf(string kind) => Choices.GetValueOrDefault(kind)?.OtherPattern;

    /// <summary>Whether a value fits a choice kind (in its list, or matching its pattern).</summary>
    public static bool Allows(string kind, string value) =>
        Choices.GetValueOrDefault(kind) is not { } choice
        || choice.Values.Contains(value, StringComparer.Ordinal)
        || (choice.OtherPattern is { } pattern && System.Text.RegularExpressions.Regex.IsMatch(value, pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100)));

    /// <summary>The fields of one item of a list kind, or null when the kind is not a list of records.</summary>
    public static IReadOnlyList<PropertySpec>? ItemFieldsOf(string kind) => Items.Value.GetValueOrDefault(kind);

    /// <summary>Whether the catalogue of kinds knows the kind (a scalar, a choice or a list of records).</summary>
    public static bool IsKnown(string kind) => Plain.Contains(kind) || Choices.ContainsKey(kind) || Items.Value.ContainsKey(kind);

    private static Dictionary<string, IReadOnlyList<PropertySpec>> CollectItems()
    {
        var items = new Dictionary<string, IReadOnlyList<PropertySpec>>(StringComparer.Ordinal);
        var pending = new Stack<PropertySpec>(NodeCatalogue.All.SelectMany(t => t.Properties));
        while (pending.TryPop(out var spec))
        {
            if (spec.Items is { } fields && items.TryAdd(spec.Kind, fields))
            {
                foreach (var field in fields)
                {
                    pending.Push(field);
                }
            }
        }

        return items;
    }

    private sealed record Choice(string Family, IReadOnlyList<string> Values, string? OtherPattern = null);
}
