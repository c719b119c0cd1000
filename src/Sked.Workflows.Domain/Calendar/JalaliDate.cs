using System.Globalization;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Calendar;

/// <summary>Shows instants to citizens and staff in the Jalali (Solar Hijri) calendar, Iran time.</summary>
public static class JalaliDate
{
    internal static readonly TimeZoneInfo IranTime = FindIranTime();

    /// <summary>For example 1405/09/07 14:30, in Persian digits, for an instant on 28 November 2026.</summary>
    public static string Format(DateTimeOffset instant, bool withTime = true)
    {
        var local = TimeZoneInfo.ConvertTime(instant, IranTime).DateTime;
        var (year, month, day) = JalaliDays.Parts(DateOnly.FromDateTime(local));
        var date = string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{month:00}/{day:00}");
        var text = withTime ? string.Create(CultureInfo.InvariantCulture, $"{date} {local:HH:mm}") : date;
        return PersianText.ToPersianDigits(text);
    }

    /// <summary>Year, month and day in the Jalali calendar, Iran time.</summary>
    public static (int Year, int Month, int Day) Parts(DateTimeOffset instant)
    {
        return JalaliDays.Parts(LocalDate(instant));
    }

    /// <summary>The calendar day in Iran time (Gregorian), the unit of daily records such as audit checkpoints.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, IranTime).DateTime);

    /// <summary>The start (midnight, Iran time) of the day after the instant's day: the end of a "to" date.</summary>
    public static DateTimeOffset NextDayStart(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, IranTime).DateTime.Date.AddDays(1);
        return new DateTimeOffset(local, IranTime.GetUtcOffset(local));
    }

    /// <summary>A day in Iran time as yyyy/mm/dd in the Jalali calendar, Persian digits.</summary>
    public static string Format(DateOnly day) => PersianText.ToPersianDigits(FormatAscii(day));

    /// <summary>Reads yyyy/mm/dd in Jalali (Persian or ASCII digits) as the start of that day, Iran time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        var parts = PersianText.ToAsciiDigits(text).Trim().Split('/', '-');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year is < 1300 or > 1500 || month is < 1 or > 12 || day < 1
            || day > JalaliDays.DaysInMonth(year, month))
        {
            return false;
        }

        var local = JalaliDays.FromJalali(year, month, day).ToDateTime(TimeOnly.MinValue);
        instant = new DateTimeOffset(local, IranTime.GetUtcOffset(local));
        return true;
    }

    /// <summary>The Gregorian day of a Jalali date, e.g. 1405/01/01 → 2026-03-21.</summary>
    public static DateOnly FromJalali(int year, int month, int day) => JalaliDays.FromJalali(year, month, day);

    /// <summary>Year, month and day of a (Gregorian) day in the Jalali calendar.</summary>
    public static (int Year, int Month, int Day) Parts(DateOnly day) => JalaliDays.Parts(day);

    /// <summary>yyyy/MM/dd in ASCII digits, for the API and CSV files (machines read it).</summary>
    public static string FormatAscii(DateOnly day)
    {
        var (year, month, date) = Parts(day);
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{month:00}/{date:00}");
    }

    /// <summary>The days of a Jalali year, 1 Farvardin up to the last of Esfand.</summary>
    public static (DateOnly First, DateOnly Last) Year(int year) =>
        (FromJalali(year, 1, 1), FromJalali(year + 1, 1, 1).AddDays(-1));

    /// <summary>Reads a day written as ISO yyyy-MM-dd or as Jalali yyyy/MM/dd (Persian or ASCII digits).</summary>
    public static bool TryParseDay(string? text, out DateOnly day)
    {
        var ascii = PersianText.ToAsciiDigits(text).Trim();
        if (DateOnly.TryParseExact(ascii, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (ascii.Contains('/', StringComparison.Ordinal) && TryParse(ascii, out var start))
        {
            day = LocalDate(start);
            return true;
        }

        day = default;
        return false;
    }

    /// <summary>The instant of a wall-clock time on a day in Iran.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, IranTime.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindIranTime()
    {
        // Iran has kept +03:30 all year since 2022; the fixed zone is the fallback where tzdata is absent.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tehran", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Iran", TimeSpan.FromMinutes(210), "Iran", "Iran");
    }
}
