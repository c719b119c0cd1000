using System.Globalization;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Calendar;

/// <summary>Shows instants to citizens and staff in the Jalali (Solar Hijri) calendar, Iran time.</summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();
    private static readonly TimeZoneInfo IranTime = FindIranTime();

    /// <summary>For example 1405/09/07 14:30, in Persian digits, for an instant on 28 November 2026.</summary>
    public static string Format(DateTimeOffset instant, bool withTime = true)
    {
        var local = TimeZoneInfo.ConvertTime(instant, IranTime).DateTime;
        var date = string.Create(CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(local):0000}/{Calendar.GetMonth(local):00}/{Calendar.GetDayOfMonth(local):00}");
        var text = withTime ? string.Create(CultureInfo.InvariantCulture, $"{date} {local:HH:mm}") : date;
        return PersianText.ToPersianDigits(text);
    }

    /// <summary>Year, month and day in the Jalali calendar, Iran time.</summary>
    public static (int Year, int Month, int Day) Parts(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, IranTime).DateTime;
        return (Calendar.GetYear(local), Calendar.GetMonth(local), Calendar.GetDayOfMonth(local));
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
    public static string Format(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return PersianText.ToPersianDigits(string.Create(CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(date):0000}/{Calendar.GetMonth(date):00}/{Calendar.GetDayOfMonth(date):00}"));
    }

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
            || day > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }

        var local = Calendar.ToDateTime(year, month, day, 0, 0, 0, 0);
        instant = new DateTimeOffset(local, IranTime.GetUtcOffset(local));
        return true;
    }

    private static TimeZoneInfo FindIranTime()
    {
        // Iran has kept +03:30 all year since 2022; the fixed zone is the fallback where tzdata is absent.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tehran", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Iran", TimeSpan.FromMinutes(210), "Iran", "Iran");
    }
}
