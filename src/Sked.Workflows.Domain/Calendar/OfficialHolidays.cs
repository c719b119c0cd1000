using System.Globalization;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Calendar;

/// <summary>
/// Iran's official holidays of a Jalali year, to seed the working calendar: the solar ones on their
/// fixed days; the lunar ones on the day announced where it is listed here, otherwise computed from
/// the Hijri calendar and left unconfirmed for the admin, since Iran fixes them by sighting the moon.
/// Titles are the catalogue's <c>holiday.&lt;key&gt;</c>.
/// </summary>
public static class OfficialHolidays
{
    private static readonly (int Month, int Day, string Key)[] Solar =
    [
        (1, 1, "nowruz"), (1, 2, "nowruz"), (1, 3, "nowruz"), (1, 4, "nowruz"),
        (1, 12, "islamic-republic"), (1, 13, "nature"),
        (3, 14, "khomeini"), (3, 15, "khordad-15"),
        (11, 22, "revolution"), (12, 29, "oil"),
    ];

    /// <summary>Hijri month and day; day 30 means the month's last day (29 or 30).</summary>
    private static readonly (int Month, int Day, string Key)[] Lunar =
    [
        (1, 9, "tasua"), (1, 10, "ashura"),
        (2, 20, "arbaeen"), (2, 28, "prophet-demise"), (2, 30, "reza"),
        (3, 8, "askari"), (3, 17, "mawlid"),
        (6, 3, "fatima"),
        (7, 13, "ali-birth"), (7, 27, "mabath"),
        (8, 15, "mahdi"),
        (9, 21, "ali-martyrdom"),
        (10, 1, "eid-fitr"), (10, 2, "eid-fitr"), (10, 25, "sadiq"),
        (12, 10, "eid-adha"), (12, 18, "eid-ghadir"),
    ];

    /// <summary>Lunar holidays on the days of the published calendar (Jalali month/day by key, per year).</summary>
    private static readonly Dictionary<int, (int Month, int Day, string Key)[]> Announced = new()
    {
        [1404] =
        [
            (1, 11, "eid-fitr"), (1, 12, "eid-fitr"), (2, 4, "sadiq"), (3, 16, "eid-adha"), (3, 24, "eid-ghadir"),
            (4, 14, "tasua"), (4, 15, "ashura"), (5, 23, "arbaeen"), (5, 31, "prophet-demise"), (6, 2, "reza"),
            (6, 10, "askari"), (6, 19, "mawlid"), (9, 3, "fatima"), (10, 13, "ali-birth"), (10, 27, "mabath"),
            (11, 15, "mahdi"), (12, 20, "ali-martyrdom"),
        ],
    };

    // Iran usually sights the new moon a day after the Umm al-Qura tables begin the month.
    private static readonly UmAlQuraCalendar Hijri = new();
    private const int SightingLagDays = 1;

    /// <summary>The holidays of a Jalali year, in date order (two on one day, e.g. Eid and Republic Day, are both listed).</summary>
    public static IReadOnlyList<Holiday> For(int jalaliYear)
    {
        var holidays = Solar.Select(s => new Holiday(JalaliDate.FromJalali(jalaliYear, s.Month, s.Day), Title(s.Key))).ToList();
        holidays.AddRange(Announced.TryGetValue(jalaliYear, out var announced)
            ? announced.Select(a => new Holiday(JalaliDate.FromJalali(jalaliYear, a.Month, a.Day), Title(a.Key)))
            : Computed(jalaliYear));
        return [.. holidays.OrderBy(h => h.Date)];
    }

    private static IEnumerable<Holiday> Computed(int jalaliYear)
    {
        var (first, last) = JalaliDate.Year(jalaliYear);
        var firstHijri = Hijri.GetYear(first.ToDateTime(TimeOnly.MinValue));
        for (var year = firstHijri; year <= firstHijri + 1; year++)
        {
            foreach (var (month, day, key) in Lunar)
            {
                var date = DateOnly.FromDateTime(Hijri.ToDateTime(year, month, Math.Min(day, Hijri.GetDaysInMonth(year, month)), 0, 0, 0, 0))
                    .AddDays(SightingLagDays);
                if (date >= first && date <= last)
                {
                    yield return new Holiday(date, Title(key), Confirmed: false);
                }
            }
        }
    }

    private static string Title(string key) => Catalogue.Text("holiday." + key);
}
