using Sked.Workflows.Domain.Calendar;

namespace Sked.Workflows.Domain.Tests.Calendar;

/// <summary>
/// Every day from March 2021 to March 2029 as the jalaali-js npm package converts it (an implementation
/// independent of .NET's PersianCalendar), against ours: a leap-year or Nowruz slip would show here.
/// </summary>
public sealed class JalaaliJsTableTests
{
    private static IEnumerable<(DateOnly Gregorian, string Jalali)> Table() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Calendar", "jalaali-js-table.csv"))
            .Where(line => line.Length > 0 && char.IsAsciiDigit(line[0]))
            .Select(line => line.Split(','))
            .Select(parts => (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), parts[1]));

    [Fact]
    public void FormatAscii_EveryDayOfTheTable_MatchesJalaaliJs()
    {
        var rows = Table().ToList();
        Assert.True(rows.Count > 2900);
        var wrong = rows.Where(r => JalaliDate.FormatAscii(r.Gregorian) != r.Jalali).Take(5).ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void TryParseDay_EveryJalaliDayOfTheTable_GivesBackTheGregorianDay()
    {
        var wrong = Table().Where(r => !JalaliDate.TryParseDay(r.Jalali, out var day) || day != r.Gregorian).Take(5).ToList();

        Assert.Empty(wrong);
    }
}
