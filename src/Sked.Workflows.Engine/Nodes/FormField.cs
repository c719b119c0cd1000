using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// A field of a human task's form. The inbox renders the form from these, and the engine checks
/// submitted data against them, so changing a form needs no code.
/// </summary>
public sealed class FormField
{
    public static readonly IReadOnlyList<string> Types = ["text", "textarea", "department", "select", "boolean", "date"];
    public static readonly IReadOnlyList<string> Bindings = ["case.department", "case.category"];

    public string Name { get; init; } = string.Empty;
    public string Label { get; init; } = string.Empty;
    public string Type { get; init; } = "text";
    public bool Required { get; init; }

    /// <summary>Outcomes for which the field is required (e.g. department only when routing).</summary>
    public List<string> RequiredFor { get; init; } = [];

    public List<FormOption> Options { get; init; } = [];

    /// <summary>A case field the value is copied to on completion.</summary>
    public string? Bind { get; init; }

    public int MaxLength { get; init; } = 4000;

    public void Validate(NodeCheck check, IReadOnlyCollection<string> outcomes)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            check.Error("a form field has no name.");
        }

        if (!Types.Contains(Type))
        {
            check.Error($"form field '{Name}' has unknown type '{Type}'; use one of {string.Join(", ", Types)}.");
        }

        if (Type == "select" && Options.Count == 0)
        {
            check.Error($"form field '{Name}' is a select without options.");
        }

        if (Bind is not null && !Bindings.Contains(Bind))
        {
            check.Error($"form field '{Name}' binds to unknown case field '{Bind}'.");
        }

        foreach (var outcome in RequiredFor.Where(o => !outcomes.Contains(o)))
        {
            check.Error($"form field '{Name}' is required for unknown outcome '{outcome}'.");
        }
    }

    /// <summary>Normalises the submitted value; returns a Persian error when it does not fit.</summary>
    public (string? Value, string? Error) Read(string? raw, string outcome, IReadOnlyDictionary<string, string> departments)
    {
        var value = Type is "text" or "textarea" ? PersianText.Normalize(raw) : PersianText.ToAsciiDigits(raw?.Trim());
        if (string.IsNullOrEmpty(value))
        {
            return Required || RequiredFor.Contains(outcome) ? (null, $"«{Label}» را وارد کنید.") : (null, null);
        }

        if (value.Length > MaxLength)
        {
            return (null, $"«{Label}» بیش از اندازه بلند است.");
        }

        return Type switch
        {
            "department" when !departments.ContainsKey(value) => (null, $"واحد «{value}» شناخته نیست."),
            "select" when !Options.Exists(o => o.Value == value) => (null, $"مقدار «{Label}» از گزینه‌ها نیست."),
            "boolean" when value is not ("true" or "false") => (null, $"«{Label}» باید بله یا خیر باشد."),
            "date" when !JalaliDate.TryParse(value, out _) => (null, $"«{Label}» تاریخ شمسی معتبر نیست."),
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

public sealed record FormOption(string Value, string Label);

/// <summary>A button on the task: its name is the outcome the workflow connects from.</summary>
public sealed record TaskOutcome(string Name, string Label);

/// <summary>One step of an escalation policy: after this long, remind or hand the task to the head.</summary>
public sealed record EscalationStep(string After, string Action)
{
    public const string Remind = "remind";
    public const string ReassignToHead = "reassignToHead";
    public static readonly IReadOnlyList<string> Actions = [Remind, ReassignToHead];
}
