namespace Sked.Workflows.Domain.Calendar;

/// <summary>Office hours in Iran time: a working day runs Opens–Closes, a half day Opens–HalfDayCloses.</summary>
public sealed record WorkingHours(TimeOnly Opens, TimeOnly Closes, TimeOnly HalfDayCloses)
{
    /// <summary>07:30–14:30, the public offices' hours; a half day ends at 11:00, half of those seven hours.</summary>
    public static WorkingHours Default { get; } = new(new TimeOnly(7, 30), new TimeOnly(14, 30), new TimeOnly(11, 0));

    public bool IsValid => Opens < HalfDayCloses && HalfDayCloses <= Closes;

    /// <summary>When the office closes on a day of this kind; null when it does not open.</summary>
    public TimeOnly? ClosingOn(DayKind kind) => kind switch
    {
        DayKind.Working => Closes,
        DayKind.Half => HalfDayCloses,
        _ => null,
    };
}
