using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// A field of a human task's form. The inbox renders the form from these, and the engine checks
/// submitted data against them, so changing a form needs no code.
/// </summary>
public sealed class FormField
{
    public static readonly IReadOnlyList<string> Types = ["text", "textarea", "department", "select", "boolean", "date"];
    public static readonly IReadOnlyList<string> Bindings = ["case.department", "case.category"];

    [NodeProperty(PropertyKinds.Line, "The name the value is stored under (a workflow variable).", Required = true)]
    public string Name { get; init; } = string.Empty;

    [NodeProperty(PropertyKinds.Line, "Persian caption on the form.", Required = true)]
    public string Label { get; init; } = string.Empty;

    [NodeProperty("fieldType", "text, textarea, department, select, boolean or date.", Required = true)]
    public string Type { get; init; } = "text";

    [NodeProperty(PropertyKinds.Boolean, "Required with every outcome.")]
    public bool Required { get; init; }

    /// <summary>Outcomes for which the field is required (e.g. department only when routing).</summary>
    [NodeProperty(PropertyKinds.StringList, "Outcomes for which the field is required (e.g. department only when routing).")]
    public List<string> RequiredFor { get; init; } = [];

    [NodeProperty("formOptions", "The choices of a select: value and Persian label.")]
    public List<FormOption> Options { get; init; } = [];

    /// <summary>A case field the value is copied to on completion.</summary>
    [NodeProperty("binding", "A case field the value is copied to on completion.")]
    public string? Bind { get; init; }

    [NodeProperty(PropertyKinds.Number, "Longest value accepted, in characters; default 4000.")]
    public int MaxLength { get; init; } = 4000;

    public void Validate(NodeCheck check, IReadOnlyCollection<string> outcomes)
    {
        // Name, type and binding are checked from the metadata (PropertyValues); these need the whole node.
        if (Type == "select" && Options.Count == 0)
        {
            check.Error(DefinitionErrors.SelectWithoutOptions, Name);
        }

        foreach (var outcome in RequiredFor.Where(o => !outcomes.Contains(o)))
        {
            check.Error(DefinitionErrors.RequiredForUnknownOutcome, Name, outcome);
        }
    }

    /// <summary>Normalises the submitted value; returns the error as a message code when it does not fit.</summary>
    public (string? Value, Message? Error) Read(string? raw, string outcome, IReadOnlyDictionary<string, string> departments)
    {
        var value = Type is "text" or "textarea" ? PersianText.Normalize(raw) : PersianText.ToAsciiDigits(raw?.Trim());
        if (string.IsNullOrEmpty(value))
        {
            return Required || RequiredFor.Contains(outcome) ? (null, Message.Of(TaskFormErrors.Required, Label)) : (null, null);
        }

        if (value.Length > MaxLength)
        {
            return (null, Message.Of(TaskFormErrors.TooLong, Label));
        }

        return Type switch
        {
            "department" when !departments.ContainsKey(value) => (null, Message.Of(TaskFormErrors.UnknownDepartment, value)),
            "select" when !Options.Exists(o => o.Value == value) => (null, Message.Of(TaskFormErrors.NotAnOption, Label)),
            "boolean" when value is not ("true" or "false") => (null, Message.Of(TaskFormErrors.NotBoolean, Label)),
            "date" when !JalaliDate.TryParse(value, out _) => (null, Message.Of(TaskFormErrors.NotADate, Label)),
            _ => (value, null),
        };
    }

    public void ApplyBinding(CaseFile @case, string value)
    {
        switch (Bind)
        {
            case "case.department":
                @case.Department = value;
                break;
            case "case.category":
                @case.Category = value;
                break;
        }
    }
}

public sealed record FormOption(
    [property: NodeProperty(PropertyKinds.Line, "The value stored.", Required = true)] string Value,
    [property: NodeProperty(PropertyKinds.Line, "Persian caption of the choice.", Required = true)] string Label);

/// <summary>A button on the task: its name is the outcome the workflow connects from.</summary>
public sealed record TaskOutcome(
    [property: NodeProperty(PropertyKinds.Line, "The outcome name connections leave from.", Required = true)] string Name,
    [property: NodeProperty(PropertyKinds.Line, "Persian caption of the button.", Required = true)] string Label);

/// <summary>One step of an escalation policy: after this long, remind or hand the task to the head.</summary>
public sealed record EscalationStep(
    [property: NodeProperty(PropertyKinds.Duration, "When: after the task opened (P2D, 2WD), a share of its deadline (75%), or past the deadline (+2WD).", Required = true)] string After,
    [property: NodeProperty("escalationAction", "remind, reassignToHead or notifyCeoOffice.", Required = true)] string Action)
{
    public const string Remind = "remind";
    public const string ReassignToHead = "reassignToHead";
    public const string NotifyCeoOffice = "notifyCeoOffice";
    public static readonly IReadOnlyList<string> Actions = [Remind, ReassignToHead, NotifyCeoOffice];
}
