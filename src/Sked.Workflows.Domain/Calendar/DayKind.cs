namespace Sked.Workflows.Domain.Calendar;

/// <summary>How a weekday is worked: a full day, a half day (opens as usual, closes early) or not at all.</summary>
public enum DayKind
{
    Working,
    Half,
    Off,
}
