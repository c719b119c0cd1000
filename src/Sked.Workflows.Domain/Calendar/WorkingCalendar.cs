namespace Sked.Workflows.Domain.Calendar;

/// <summary>
/// When the company works, as data an admin edits: a weekly pattern, office hours (Iran time),
/// official holidays and one-off closures. Deadlines in working days and hours are computed on it;
/// <see cref="Version"/> moves with every change, so a stored due date says which calendar made it.
/// </summary>
public sealed class WorkingCalendar
{
    // A calendar with every day off would never reach a deadline; ten years is "never".
    private const int MaxDaysAhead = 3660;

    private readonly Dictionary<DateOnly, Holiday> _holidays;

    public WorkingCalendar(int version, WeeklyPattern weekly, WorkingHours hours, IEnumerable<Holiday> holidays, IEnumerable<Closure> closures)
    {
        Version = version;
        Weekly = weekly;
        Hours = hours;
        _holidays = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First());
        Closures = [.. closures.OrderBy(c => c.From)];
    }

    /// <summary>The default week and hours without holidays: what a dry run or a test uses unless it brings its own.</summary>
    public static WorkingCalendar Default { get; } = new(0, WeeklyPattern.Default, WorkingHours.Default, [], []);

    public int Version { get; }
    public WeeklyPattern Weekly { get; }
    public WorkingHours Hours { get; }
    public IReadOnlyCollection<Holiday> Holidays => _holidays.Values;
    public IReadOnlyList<Closure> Closures { get; }

    public DayKind KindOf(DateOnly day) =>
        _holidays.ContainsKey(day) || Closures.Any(c => c.Covers(day)) ? DayKind.Off : Weekly[day.DayOfWeek];

    /// <summary>The holiday or closure that shuts a day that would otherwise be worked; null when none does.</summary>
    public string? WhyClosed(DateOnly day) =>
        _holidays.TryGetValue(day, out var holiday) ? holiday.Title : Closures.FirstOrDefault(c => c.Covers(day))?.Reason;

    /// <summary>Opening and closing instants of a day (in UTC, as stores keep instants); null when the office does not open.</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes)? HoursOn(DateOnly day) =>
        Hours.ClosingOn(KindOf(day)) is { } closes ? (JalaliDate.At(day, Hours.Opens).ToUniversalTime(), JalaliDate.At(day, closes).ToUniversalTime()) : null;

    public bool IsWorkingDay(DateOnly day) => KindOf(day) != DayKind.Off;

    /// <summary>
    /// The close of the <paramref name="days"/>-th working day after <paramref name="start"/>. The day of
    /// the start counts only when the office has not opened yet: a case filed at 09:00 on Sunday with
    /// one working day is due at the close of Monday (or of the next day worked).
    /// </summary>
    public DateTimeOffset EndOfWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var counted = 0;
        foreach (var (opens, closes) in WorkingDaysFrom(start))
        {
            if (opens >= start && ++counted == days)
            {
                return closes;
            }
        }

        throw new InvalidOperationException("the working calendar has no working day within ten years.");
    }

    /// <summary>The instant <paramref name="amount"/> of office time after <paramref name="start"/>; time outside office hours does not count.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        var left = amount;
        foreach (var (opens, closes) in WorkingDaysFrom(start))
        {
            var from = opens > start ? opens : start;
            if (from >= closes)
            {
                continue;
            }

            if (closes - from >= left)
            {
                return from + left;
            }

            left -= closes - from;
        }

        throw new InvalidOperationException("the working calendar has no working day within ten years.");
    }

    /// <summary>Office time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (opens, closes) in WorkingDaysFrom(from))
        {
            if (opens >= to)
            {
                break;
            }

            var start = opens > from ? opens : from;
            var end = closes < to ? closes : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Working days that opened after <paramref name="from"/> and closed by <paramref name="to"/>: the days of <see cref="EndOfWorkingDays"/>.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        foreach (var (opens, closes) in WorkingDaysFrom(from))
        {
            if (closes > to)
            {
                break;
            }

            if (opens >= from)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The opening hours of each worked day from the start's own day on.</summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> WorkingDaysFrom(DateTimeOffset start)
    {
        var day = JalaliDate.LocalDate(start);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (HoursOn(day) is { } hours)
            {
                yield return hours;
            }
        }
    }
}
