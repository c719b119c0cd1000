using System.Globalization;
using Sked.Workflows.Domain.Calendar;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// When an escalation step comes due, as its <c>after</c> says: <c>75%</c> — that share of the task's
/// deadline (the reminder); <c>100%</c> — at the deadline; <c>+2WD</c> — that long past the deadline (the
/// CEO office); a plain time allowed (<c>P2D</c>, <c>2WD</c>) — that long after the task opened.
/// </summary>
public static class EscalationTimes
{
    public static bool IsValid(string? text) =>
        TryShare(text, out _) || (text is ['+', .. var rest] ? Deadline.TryParse(rest, out _) : Deadline.TryParse(text, out _));

    /// <summary>True when the step is counted from the task's deadline (a share or an overrun) and so needs one.</summary>
    public static bool NeedsDeadline(string text) => TryShare(text, out _) || text.StartsWith('+');

    /// <summary>The instant the step is due; null when it is counted from a deadline the task does not have.</summary>
    public static DateTimeOffset? DueAt(string after, DateTimeOffset opened, string? sla, DateTimeOffset? due, WorkingCalendar calendar)
    {
        if (TryShare(after, out var share))
        {
            return due is { } end && Deadline.TryParse(sla, out var rule) ? rule.ShareOf(opened, end, share, calendar) : null;
        }

        if (after.StartsWith('+'))
        {
            return due is { } end ? Deadline.Parse(after[1..]).DueFrom(end, calendar) : null;
        }

        return Deadline.Parse(after).DueFrom(opened, calendar);
    }

    /// <summary>How a closure or pause counts the step again: in the unit of its own time, or of the task's SLA for a share.</summary>
    public static Deadline? RecountRule(string after, string? sla)
    {
        if (TryShare(after, out _))
        {
            // A share lands inside a working day: what is left of it is office time.
            return Deadline.TryParse(sla, out var rule) && rule.IsWorkingTime ? Deadline.Parse("1WH") : Deadline.Parse("PT1H");
        }

        return Deadline.TryParse(after.TrimStart('+'), out var own) ? own : null;
    }

    private static bool TryShare(string? text, out double share)
    {
        share = 0;
        return text is [.., '%']
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            && percent is > 0 and <= 100
            && (share = percent / 100.0) > 0;
    }
}
