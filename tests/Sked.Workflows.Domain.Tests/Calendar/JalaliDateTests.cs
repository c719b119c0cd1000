using Sked.Workflows.Domain.Calendar;

namespace Sked.Workflows.Domain.Tests.Calendar;

public sealed class JalaliDateTests
{
    // Iran keeps +03:30 all year; midnight in Tehran is 20:30 UTC the evening before.
    private static readonly TimeSpan Tehran = TimeSpan.FromMinutes(210);

    [Theory]
    [InlineData(2026, 3, 21, 1405, 1, 1)]  // Nowruz 1405
    [InlineData(2025, 3, 21, 1404, 1, 1)]  // Nowruz 1404
    [InlineData(2024, 3, 20, 1403, 1, 1)]  // Nowruz 1403
    [InlineData(2025, 3, 20, 1403, 12, 30)] // 1403 is a leap year
    [InlineData(2026, 3, 20, 1404, 12, 29)] // 1404 is not
    [InlineData(2026, 11, 28, 1405, 9, 7)]
    [InlineData(1979, 2, 11, 1357, 11, 22)]
    public void Parts_ForAKnownDay_ReturnsTheJalaliDate(int year, int month, int day, int jYear, int jMonth, int jDay)
    {
        var noonInTehran = new DateTimeOffset(year, month, day, 12, 0, 0, Tehran);

        Assert.Equal((jYear, jMonth, jDay), JalaliDate.Parts(noonInTehran));
    }

    [Fact]
    public void Parts_JustAfterMidnightInTehran_IsAlreadyTheNextDay()
    {
        // 21:00 UTC on 20 March 2026 is 00:30 on 21 March in Tehran: Nowruz, though UTC is still on the 20th.
        var instant = new DateTimeOffset(2026, 3, 20, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal((1405, 1, 1), JalaliDate.Parts(instant));
    }

    [Fact]
    public void Parts_JustBeforeMidnightInTehran_IsStillTheDayBefore()
    {
        var instant = new DateTimeOffset(2026, 3, 20, 20, 29, 0, TimeSpan.Zero);

        Assert.Equal((1404, 12, 29), JalaliDate.Parts(instant));
    }

    [Fact]
    public void Format_WithTime_WritesPersianDigitsInIranTime()
    {
        var instant = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

        Assert.Equal("۱۴۰۵/۰۹/۰۷ ۱۴:۳۰", JalaliDate.Format(instant));
    }

    [Fact]
    public void Format_WithoutTime_WritesOnlyTheDate()
    {
        var instant = new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("۱۴۰۵/۰۱/۰۱", JalaliDate.Format(instant, withTime: false));
    }

    [Theory]
    [InlineData("1405/01/01")]
    [InlineData("۱۴۰۵/۰۱/۰۱")]
    [InlineData("١٤٠٥/٠١/٠١")]
    [InlineData(" 1405-1-1 ")]
    public void TryParse_ForNowruz1405_ReturnsMidnightInTehranOn21March2026(string text)
    {
        Assert.True(JalaliDate.TryParse(text, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 20, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void TryParse_OfFormattedDates_RoundTripsEveryDayOfAYear()
    {
        var day = new DateTimeOffset(2026, 3, 21, 12, 0, 0, Tehran);
        for (var i = 0; i < 366; i++, day = day.AddDays(1))
        {
            var text = JalaliDate.Format(day, withTime: false);

            Assert.True(JalaliDate.TryParse(text, out var parsed), $"{text} did not parse.");
            Assert.Equal(text, JalaliDate.Format(parsed, withTime: false));
            Assert.Equal(day.Date, parsed.ToOffset(Tehran).Date);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1405/13/01")]
    [InlineData("1405/00/10")]
    [InlineData("1405/07/31")] // the second half of the year has 30-day months
    [InlineData("1404/12/30")] // 1404 is not a leap year
    [InlineData("1405/01")]
    [InlineData("1405/01/01/01")]
    [InlineData("2026/03/21")]
    [InlineData("+1405/01/01")]
    [InlineData("۱۴۰۵/۰۱/اول")]
    public void TryParse_WhenNotAJalaliDate_Fails(string? text)
    {
        Assert.False(JalaliDate.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_OnTheLeapDayOfALeapYear_Succeeds()
    {
        Assert.True(JalaliDate.TryParse("1403/12/30", out var instant));
        Assert.Equal((1403, 12, 30), JalaliDate.Parts(instant));
    }
}
