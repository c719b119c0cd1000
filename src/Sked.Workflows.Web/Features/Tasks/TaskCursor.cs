using System.Globalization;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// Where a page of a task list (in due-date order) ended: the last task's due date and id. The API hands
/// it out as an opaque text (X-Next-After) and takes it back as ?after=, so the next page starts from
/// the index at that point instead of counting past every earlier row.
/// </summary>
public sealed record TaskCursor(DateTimeOffset? DueAt, Guid Id)
{
    private const string Undated = "-";

    public static TaskCursor After(HumanTask task) => new(task.DueAt, task.Id);

    /// <summary>"{UTC ticks or -}.{id}".</summary>
    public override string ToString() =>
        (DueAt is { } due ? due.UtcTicks.ToString(CultureInfo.InvariantCulture) : Undated) + "." + Id.ToString("N");

    public static bool TryParse(string? text, out TaskCursor? cursor)
    {
        cursor = null;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot < 0 || !Guid.TryParseExact(text[(dot + 1)..], "N", out var id))
        {
            return false;
        }

        var due = text[..dot];
        if (due == Undated)
        {
            cursor = new TaskCursor(null, id);
            return true;
        }

        if (long.TryParse(due, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            cursor = new TaskCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }

        return false;
    }
}
