using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>One line of the case's history on the task page: a step staff finished or a status the citizen saw.</summary>
/// <param name="At">When the step was finished or the status set.</param>
/// <param name="IsStep">A step staff finished (true) or a status the citizen saw (false).</param>
/// <param name="Title">The step's Persian title, or the status's Persian label.</param>
/// <param name="Outcome">The outcome's Persian label (steps only).</param>
/// <param name="OutcomeCode">The outcome's code, for tests and styling.</param>
/// <param name="By">The login of the member who finished the step; null for a status.</param>
/// <param name="Detail">What the status said besides its label (a department, a question to the citizen).</param>
/// <param name="Fields">What the step recorded, as Persian caption and shown value.</param>
public sealed record CaseTimelineItem(
    DateTimeOffset At,
    bool IsStep,
    string Title,
    string? Outcome,
    string? OutcomeCode,
    string? By,
    string? Detail,
    IReadOnlyList<(string Name, string Label, string Value)> Fields);

/// <summary>
/// The steps staff finished and the statuses the citizen saw, merged into one list, newest first:
/// a reader meets the latest news at the top, whatever kind it is. A status that a step caused is
/// recorded at the same instant as that step and is shown above it, as its consequence.
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<CaseTimelineItem> Of(TaskDetails details, IReadOnlyDictionary<string, string> departments)
    {
        var steps = details.History
            .Where(t => t.Status == HumanTaskStatus.Completed && t.CompletedAt is not null)
            .Select(t => (Order: 0L, Item: Step(details, t, departments)));
        var statuses = details.Case.Timeline
            .Select(e => (Order: e.Id, Item: Status(e)));
        return steps.Concat(statuses)
            .OrderByDescending(x => x.Item.At)
            .ThenBy(x => x.Item.IsStep)
            .ThenByDescending(x => x.Order)
            .Select(x => x.Item)
            .ToList();
    }

    private static CaseTimelineItem Step(TaskDetails details, HumanTask step, IReadOnlyDictionary<string, string> departments)
    {
        var fields = step.Data
            .Where(d => !string.IsNullOrWhiteSpace(d.Value))
            .Select(d => Field(details.Field(step, d.Key), d.Key, d.Value, departments))
            .ToList();
        return new CaseTimelineItem(step.CompletedAt!.Value, true, step.Title, details.OutcomeLabel(step), step.Outcome, step.CompletedBy, null, fields);
    }

    private static CaseTimelineItem Status(CaseTimelineEntry entry) =>
        new(entry.At, false, CaseStatuses.PersianLabels.GetValueOrDefault(entry.Status, entry.Status), null, null, null, entry.Detail, []);

    // A field the node no longer declares still gets a Persian caption: the catalogue's, or a generic one.
    private static (string, string, string) Field(FormField? field, string name, string value, IReadOnlyDictionary<string, string> departments)
    {
        var label = field?.Label is { Length: > 0 } caption ? caption : Catalogue.Find(CaseViewTexts.FieldFamily + "." + name) ?? Catalogue.Text(CaseViewTexts.FieldOther);
        var type = field?.Type ?? (name == "department" ? "department" : "text");
        var shown = type switch
        {
            "department" => departments.GetValueOrDefault(value, value),
            "select" => field!.Options.Find(o => o.Value == value)?.Label ?? value,
            "boolean" => Catalogue.Text(value == "true" ? CaseViewTexts.Yes : CaseViewTexts.No),
            _ => value,
        };
        return (name, label, shown);
    }
}
