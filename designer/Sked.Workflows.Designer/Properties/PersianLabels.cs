using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Properties;

/// <summary>
/// Small read-outs the designer needs beside the catalogue: a choice value by its kind's family, a
/// count in Persian digits, a duration in words. Every word comes from the catalogue.
/// </summary>
public static class PersianLabels
{
    /// <summary>The Persian label of a choice value of a property kind (a role, a status...); the value itself when unlabelled.</summary>
    public static string Choice(string kind, string value) => Catalogue.Label(PropertyKinds.FamilyOf(kind) ?? kind, value);

    /// <summary>
    /// An outcome of a node in Persian: a human task's button label, else the catalogue's name for the
    /// outcome (next, replied, timeout...), else the outcome itself.
    /// </summary>
    public static string Outcome(NodeDefinition node, string outcome)
    {
        // A hand-written file may hold anything in "outcomes": only a list of named records has labels.
        var label = (node.Properties?["outcomes"] as System.Text.Json.Nodes.JsonArray)?
            .Select(o => o as System.Text.Json.Nodes.JsonObject)
            .FirstOrDefault(o => o?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)o["name"] == outcome)?["label"];
        return label?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)label is { Length: > 0 } text
            ? text
            : Catalogue.Label("designer.outcome", outcome);
    }

    /// <summary>A count in Persian digits.</summary>
    public static string Number(int value) => Catalogue.Number(value);

    /// <summary>An ISO 8601 duration read out in Persian ("۳ روز و ۴ ساعت"), or null when it is not one.</summary>
    public static string? Duration(string? text)
    {
        if (text is [.., '%'] && int.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return Catalogue.Render("duration.share", percent);
        }

        if (text is ['+', .. var past] && Duration(past) is { } pastText)
        {
            return Catalogue.Render("duration.past-deadline", pastText);
        }

        if (Domain.Calendar.Deadline.TryParse(text, out var deadline) && deadline.IsWorkingTime)
        {
            return Catalogue.Render(deadline.Unit == Domain.Calendar.DeadlineUnit.WorkingDays ? "duration.working-days" : "duration.working-hours", deadline.Amount);
        }

        if (!Durations.TryParse(text, out var duration))
        {
            return null;
        }

        var parts = new List<string>();
        Add(parts, (int)duration.TotalDays, "duration.days");
        Add(parts, duration.Hours, "duration.hours");
        Add(parts, duration.Minutes, "duration.minutes");
        Add(parts, duration.Seconds, "duration.seconds");
        return string.Join(Catalogue.Text("duration.and"), parts);
    }

    private static void Add(List<string> parts, int amount, string code)
    {
        if (amount > 0)
        {
            parts.Add(Catalogue.Render(code, amount));
        }
    }
}
