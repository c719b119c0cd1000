using System.Globalization;

namespace Sked.Workflows.Domain.Calendar;

/// <summary>
/// Jalali year, month and day of Gregorian days, from a table of each year's first day (1 Farvardin)
/// taken once from <see cref="PersianCalendar"/>. Same answers as the framework's calendar, which
/// computes the vernal equinox with a sine series on every call: that was a fifth of the CPU of a
/// tracking lookup (a date per timeline row) and of every deadline computed day by day.
/// Outside the table's years the framework's calendar answers.
/// </summary>
internal static class JalaliDays
{
    private const int FirstYear = 1300;
    private const int LastYear = 1700;

    private static readonly PersianCalendar Calendar = new();

    // DayNumber of 1 Farvardin of FirstYear + i; one entry more than years, so every year has its length.
    private static readonly int[] YearStarts = Enumerable.Range(FirstYear, LastYear - FirstYear + 2)
        .Select(year => DateOnly.FromDateTime(Calendar.ToDateTime(year, 1, 1, 0, 0, 0, 0)).DayNumber)
        .ToArray();

    public static (int Year, int Month, int Day) Parts(DateOnly day)
    {
        var number = day.DayNumber;
        if (number < YearStarts[0] || number >= YearStarts[^1])
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            return (Calendar.GetYear(date), Calendar.GetMonth(date), Calendar.GetDayOfMonth(date));
        }

        // The last year whose first day is not after this day.
        var index = Array.BinarySearch(YearStarts, number);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var (month, dayOfMonth) = MonthAndDay(number - YearStarts[index]);
        return (FirstYear + index, month, dayOfMonth);
    }

    public static DateOnly FromJalali(int year, int month, int day)
    {
        if (year is < FirstYear or > LastYear || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
        }

        var dayOfYear = month <= 6 ? (month - 1) * 31 : 186 + ((month - 7) * 30);
        return DateOnly.FromDayNumber(YearStarts[year - FirstYear] + dayOfYear + day - 1);
    }

    public static int DaysInMonth(int year, int month)
    {
        if (year is < FirstYear or > LastYear || month is < 1 or > 12)
        {
            return Calendar.GetDaysInMonth(year, month);
        }

        return month switch
        {
            <= 6 => 31,
            <= 11 => 30,
            _ => YearStarts[year - FirstYear + 1] - YearStarts[year - FirstYear] - 336,
        };
    }

    // The first six months have 31 days, the next five 30, Esfand what is left of the year.
    private static (int Month, int Day) MonthAndDay(int dayOfYear) => dayOfYear < 186
        ? ((dayOfYear / 31) + 1, (dayOfYear % 31) + 1)
        : (((dayOfYear - 186) / 30) + 7, ((dayOfYear - 186) % 30) + 1);
}
