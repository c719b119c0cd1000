using Sked.Workflows.Domain.Calendar;

namespace Sked.Workflows.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static DateTimeOffset At(int jy, int jm, int jd, int hour, int minute = 0) =>
        JalaliDate.At(JalaliDate.FromJalali(jy, jm, jd), new TimeOnly(hour, minute));

    private static WorkingCalendar With1405(WeeklyPattern? weekly = null, params Closure[] closures) =>
        new(1, weekly ?? WeeklyPattern.Default, WorkingHours.Default, OfficialHolidays.For(1404).Concat(OfficialHolidays.For(1405)), closures);

    [Fact]
    public void EndOfWorkingDays_FiledTheWednesdayBeforeNowruz_SkipsThursdayFridayAndTheHolidays()
    {
        // Wednesday 1404/12/27 (18 March 2026), afternoon: Thursday off, Friday 12/29 (oil day), Nowruz 1–4,
        // and the computed Eid al-Fitr 1447 falls on 1405/01/01–02 inside Nowruz.
        var filed = At(1404, 12, 27, 15, 0);

        var due = With1405().EndOfWorkingDays(filed, 1);

        Assert.Equal(At(1405, 1, 5, 14, 30), due);
        Assert.Equal(DayOfWeek.Wednesday, JalaliDate.LocalDate(due).DayOfWeek);
    }

    [Fact]
    public void EndOfWorkingDays_FiledOnAFriday_CountsFromSaturday()
    {
        // Friday 1405/09/06; Saturday 09/07 is the first working day, Sunday the second.
        var filed = At(1405, 9, 6, 10, 0);

        Assert.Equal(At(1405, 9, 8, 14, 30), With1405().EndOfWorkingDays(filed, 2));
    }

    [Fact]
    public void EndOfWorkingDays_BeforeOpening_CountsThatDay()
    {
        var earlyTuesday = At(1405, 9, 3, 6, 0);

        Assert.Equal(At(1405, 9, 3, 14, 30), With1405().EndOfWorkingDays(earlyTuesday, 1));
    }

    [Fact]
    public void EndOfWorkingDays_AcrossTheLunarHoliday_SkipsIt()
    {
        // 1404/09/03 (24 November 2025) was Fatima's martyrdom, a Monday; filed Sunday afternoon.
        var calendar = With1405();
        var filed = At(1404, 9, 2, 16, 0);

        Assert.Equal(DayKind.Off, calendar.KindOf(JalaliDate.FromJalali(1404, 9, 3)));
        Assert.Equal(At(1404, 9, 4, 14, 30), calendar.EndOfWorkingDays(filed, 1));
    }

    [Fact]
    public void AddWorkingTime_ThursdayAsHalfDay_CountsUntilEleven()
    {
        var calendar = With1405(WeeklyPattern.Default.With(DayOfWeek.Thursday, DayKind.Half));
        // Wednesday 1405/09/04 at 13:30: one hour left that day, 3.5 on Thursday, the rest on Saturday.
        var start = At(1405, 9, 4, 13, 30);

        Assert.Equal(At(1405, 9, 5, 11, 0), calendar.AddWorkingTime(start, TimeSpan.FromHours(4.5)));
        Assert.Equal(At(1405, 9, 7, 8, 30), calendar.AddWorkingTime(start, TimeSpan.FromHours(5.5)));
        Assert.Equal(At(1405, 9, 5, 11, 0), calendar.EndOfWorkingDays(start, 1));
    }

    [Fact]
    public void AddWorkingTime_AtNightOrWeekend_NeverFallsOutsideOfficeHours()
    {
        var calendar = With1405();
        // Thursday night: Thursday and Friday are off, so two hours run from Saturday's opening.
        var due = calendar.AddWorkingTime(At(1405, 9, 5, 23, 0), TimeSpan.FromHours(2));

        Assert.Equal(At(1405, 9, 7, 9, 30), due);
    }

    [Fact]
    public void Recount_AClosureOverAPendingDeadline_MovesItByTheDaysClosed()
    {
        var before = WorkingCalendar.Default;
        var after = new WorkingCalendar(2, WeeklyPattern.Default, WorkingHours.Default, [], [new Closure(JalaliDate.FromJalali(1405, 5, 11), JalaliDate.FromJalali(1405, 5, 12), "heat")]);
        var rule = Deadline.Parse("3WD");
        // Opened Saturday 1405/05/10 at 09:00: due at the close of Tuesday 05/13.
        var opened = At(1405, 5, 10, 9, 0);
        var due = rule.DueFrom(opened, before);
        Assert.Equal(At(1405, 5, 13, 14, 30), due);

        var moved = rule.Recount(due, opened.AddHours(1), before, opened.AddHours(1), after);

        // Sunday and Monday closed: Tuesday, Wednesday and (Thursday, Friday off) Saturday.
        Assert.Equal(At(1405, 5, 17, 14, 30), moved);
    }

    [Fact]
    public void Recount_APauseOfTheClock_AllowsTheDaysLeftAfterTheReply()
    {
        var calendar = WorkingCalendar.Default;
        var rule = Deadline.Parse("5WD");
        var due = At(1405, 9, 11, 14, 30); // Wednesday
        var paused = At(1405, 9, 8, 10, 0); // Sunday: Monday, Tuesday and Wednesday are left
        var replied = At(1405, 9, 14, 9, 0); // the Saturday after, once open: Sunday is the first day again

        Assert.Equal(At(1405, 9, 17, 14, 30), rule.Recount(due, paused, calendar, replied, calendar));
    }

    [Theory]
    [InlineData("5WD", DeadlineUnit.WorkingDays)]
    [InlineData("4WH", DeadlineUnit.WorkingHours)]
    [InlineData("P3D", DeadlineUnit.CalendarTime)]
    public void Parse_BothKindsOfTime(string text, DeadlineUnit unit)
    {
        Assert.True(Deadline.TryParse(text, out var deadline));
        Assert.Equal(unit, deadline.Unit);
        Assert.Equal(text, deadline.ToString());
    }

    [Theory]
    [InlineData("0WD")]
    [InlineData("WD")]
    [InlineData("3 days")]
    [InlineData("P0D")]
    public void Parse_Nonsense_IsRefused(string text) => Assert.False(Deadline.TryParse(text, out _));

    [Fact]
    public void OfficialHolidays_1405_HasTheSolarOnesConfirmedAndTheLunarOnesToConfirm()
    {
        var holidays = OfficialHolidays.For(1405);

        Assert.Contains(holidays, h => h.Date == JalaliDate.FromJalali(1405, 1, 1) && h.Confirmed);
        Assert.Contains(holidays, h => h.Date == JalaliDate.FromJalali(1405, 11, 22) && h.Confirmed);
        Assert.Contains(holidays, h => !h.Confirmed);
        Assert.InRange(holidays.Count, 25, 30);
        Assert.All(holidays, h => Assert.Equal(1405, JalaliDate.Parts(h.Date).Year));
    }

    [Fact]
    public void TryParseDay_AcceptsIsoAndJalali()
    {
        Assert.True(JalaliDate.TryParseDay("2026-07-25", out var iso));
        Assert.True(JalaliDate.TryParseDay("۱۴۰۵/۰۵/۰۳", out var jalali));
        Assert.Equal(iso, jalali);
        Assert.False(JalaliDate.TryParseDay("1405-13-01", out _));
    }
}
