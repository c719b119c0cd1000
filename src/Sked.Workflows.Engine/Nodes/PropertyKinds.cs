using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// What each property kind of <see cref="PropertySpec"/> holds: the allowed values of a choice and
/// the fields of a list item. The designer builds its editors from this, and the values are the
/// same lists the node types validate against, so an editor cannot offer what the engine refuses.
/// </summary>
public static class PropertyKinds
{
    /// <summary>Kinds edited as one line of text.</summary>
    public static readonly IReadOnlyList<string> Scalars = ["string", "duration", "integer"];

    private static readonly Dictionary<string, IReadOnlyList<string>> Choices = new(StringComparer.Ordinal)
    {
        ["role"] = Roles.Working,
        ["status"] = [.. CaseStatuses.PersianLabels.Keys],
        ["channel"] = NotifyNode.Channels,
        ["recipient"] = NotifyNode.Recipients,
        ["escalationAction"] = EscalationStep.Actions,
        ["fieldType"] = FormField.Types,
        ["binding"] = FormField.Bindings,
        ["caseField"] = [.. CaseFields.Names],
        ["operator"] = RuleCondition.Operators,
        ["caseType"] = [.. CaseTypes.PersianNames.Keys],
        ["category"] = [.. ReportCategories.PersianNames.Keys],
    };

    private static readonly Dictionary<string, IReadOnlyList<ItemField>> Items = new(StringComparer.Ordinal)
    {
        ["outcomes"] = [new("name", "string", true), new("label", "string", true)],
        ["escalation"] = [new("after", "duration", true), new("action", "escalationAction", true)],
        ["formFields"] =
        [
            new("name", "string", true), new("label", "string", true), new("type", "fieldType", true),
            new("required", "boolean", false), new("requiredFor", "stringList", false),
            new("bind", "binding", false), new("options", "formOptions", false),
        ],
        ["formOptions"] = [new("value", "string", true), new("label", "string", true)],
        ["routingRules"] =
        [
            new("type", "caseType", false), new("category", "category", false), new("region", "string", false),
            new("keywords", "stringList", false), new("department", "department", true),
        ],
        ["decisionRules"] = [new("when", "conditions", false), new("outcome", "string", true)],
        ["conditions"] = [new("field", "caseField", true), new("op", "operator", true), new("value", "string", false), new("values", "stringList", false)],
    };

    /// <summary>The allowed values of a choice kind, or null when the kind is no fixed choice.</summary>
    public static IReadOnlyList<string>? ChoicesOf(string kind) => Choices.GetValueOrDefault(kind);

    /// <summary>The fields of one item of a list kind, or null when the kind is not a list of records.</summary>
    public static IReadOnlyList<ItemField>? ItemFieldsOf(string kind) => Items.GetValueOrDefault(kind);
}

/// <summary>One field of a list item (an outcome's name, a rule's department...).</summary>
public sealed record ItemField(string Name, string Kind, bool Required);
