using System.Globalization;
using Sked.Workflows.Domain.Calendar;

namespace Sked.Workflows.Domain.Tests.Calendar;

/// <summary>The table-based conversion gives the framework calendar's answer on every day it covers, and past its ends.</summary>
public sealed class JalaliDaysTests
{
    private static readonly PersianCalendar Framework = new();

    [Fact]
    public void Parts_OnEveryDayFrom1290To1710_MatchTheFrameworkCalendar()
    {
        var first = DateOnly.FromDateTime(Framework.ToDateTime(1290, 1, 1, 0, 0, 0, 0));
        var last = DateOnly.FromDateTime(Framework.ToDateTime(1710, 12, 29, 0, 0, 0, 0));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            var expected = (Framework.GetYear(date), Framework.GetMonth(date), Framework.GetDayOfMonth(date));
            var parts = JalaliDate.Parts(day);
            Assert.True(expected == parts, $"{day:yyyy-MM-dd}: expected {expected}, got {parts}");
            Assert.Equal(day, JalaliDate.FromJalali(parts.Year, parts.Month, parts.Day));
        }
    }

    [Fact]
    public void LastMonth_HasThirtyDaysOnlyInLeapYears_AsTyped()
    {
        for (var year = 1300; year <= 1500; year++) // the years a typed date may name
        {
            var days = Framework.GetDaysInMonth(year, 12);
            Assert.True(JalaliDate.TryParse($"{year}/12/{days}", out _), $"{year}/12/{days}");
            Assert.False(JalaliDate.TryParse($"{year}/12/{days + 1}", out _), $"{year}/12/{days + 1}");
        }
    }

    [Fact]
    public void FromJalali_OfADayThatDoesNotExist_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JalaliDate.FromJalali(1404, 12, 30));
}
