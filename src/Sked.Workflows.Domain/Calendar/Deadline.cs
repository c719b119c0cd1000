using System.Globalization;
using System.Xml;

namespace Sked.Workflows.Domain.Calendar;

/// <summary>How a deadline is counted.</summary>
public enum DeadlineUnit
{
    /// <summary>An ISO 8601 duration (P3D, PT4H): calendar time, nights and holidays included.</summary>
    CalendarTime,
    /// <summary><c>5WD</c>: the close of the fifth working day.</summary>
    WorkingDays,
    /// <summary><c>4WH</c>: four hours of office time.</summary>
    WorkingHours,
}

/// <summary>
/// A time allowed, as workflow definitions write SLAs, timers and promises: an ISO 8601 duration for
/// calendar time, or <c>nWD</c> / <c>nWH</c> for working days / hours on the <see cref="WorkingCalendar"/>.
/// </summary>
public sealed record Deadline(DeadlineUnit Unit, int Amount, TimeSpan Span)
{
    public bool IsWorkingTime => Unit != DeadlineUnit.CalendarTime;

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Deadline? deadline)
    {
        deadline = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.EndsWith("WD", StringComparison.Ordinal) || value.EndsWith("WH", StringComparison.Ordinal))
        {
            if (!int.TryParse(value.AsSpan(0, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is < 1 or > 1000)
            {
                return false;
            }

            deadline = value[^1] == 'D'
                ? new Deadline(DeadlineUnit.WorkingDays, amount, TimeSpan.Zero)
                : new Deadline(DeadlineUnit.WorkingHours, amount, TimeSpan.FromHours(amount));
            return true;
        }

        if (!value.StartsWith('P'))
        {
            return false;
        }

        try
        {
            var span = XmlConvert.ToTimeSpan(value);
            if (span <= TimeSpan.Zero)
            {
                return false;
            }

            deadline = new Deadline(DeadlineUnit.CalendarTime, 0, span);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static Deadline Parse(string text) =>
        TryParse(text, out var deadline) ? deadline : throw new FormatException($"'{text}' is neither an ISO 8601 duration (P2D, PT4H) nor working time (5WD, 4WH).");

    /// <summary>When it falls due, counted from <paramref name="start"/> on <paramref name="calendar"/>.</summary>
    public DateTimeOffset DueFrom(DateTimeOffset start, WorkingCalendar calendar) => Unit switch
    {
        DeadlineUnit.WorkingDays => calendar.EndOfWorkingDays(start, Amount),
        DeadlineUnit.WorkingHours => calendar.AddWorkingTime(start, Span),
        _ => start + Span,
    };

    /// <summary>
    /// A due date counted again: what was left of it at <paramref name="stoppedAt"/> on <paramref name="before"/>
    /// is allowed afresh from <paramref name="restartAt"/> on <paramref name="after"/>. A pause for the citizen
    /// stops at one instant and restarts at another on one calendar; a closure stops and restarts at once
    /// on the old and new calendar. Working days left start again with the next working day.
    /// </summary>
    public DateTimeOffset Recount(DateTimeOffset due, DateTimeOffset stoppedAt, WorkingCalendar before, DateTimeOffset restartAt, WorkingCalendar after)
    {
        if (due <= stoppedAt)
        {
            return due;
        }

        switch (Unit)
        {
            case DeadlineUnit.WorkingDays:
                var days = before.WorkingDaysBetween(stoppedAt, due);
                return days == 0 ? after.AddWorkingTime(restartAt, before.WorkingTimeBetween(stoppedAt, due)) : after.EndOfWorkingDays(restartAt, days);
            case DeadlineUnit.WorkingHours:
                return after.AddWorkingTime(restartAt, before.WorkingTimeBetween(stoppedAt, due));
            default:
                return restartAt + (due - stoppedAt);
        }
    }

    /// <summary>The instant a share (0–1) of the time from <paramref name="start"/> to <paramref name="due"/> has passed, in the deadline's own time.</summary>
    public DateTimeOffset ShareOf(DateTimeOffset start, DateTimeOffset due, double share, WorkingCalendar calendar) => IsWorkingTime
        ? calendar.AddWorkingTime(start, calendar.WorkingTimeBetween(start, due) * share)
        : start + (due - start) * share;

    public override string ToString() => Unit switch
    {
        DeadlineUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{Amount}WD"),
        DeadlineUnit.WorkingHours => string.Create(CultureInfo.InvariantCulture, $"{Amount}WH"),
        _ => XmlConvert.ToString(Span),
    };
}
