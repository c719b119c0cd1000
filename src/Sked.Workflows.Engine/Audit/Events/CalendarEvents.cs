using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// The working calendar, changed by the administrator (page, API or CSV import). Days are ISO yyyy-MM-dd;
// Version is the calendar's version after the change, the one new due dates are computed on.

/// <summary>The weekly pattern (seven letters W/H/O, Saturday first) and office hours, before and after.</summary>
public sealed record CalendarWeekChanged(string WeekBefore, string WeekAfter, string HoursBefore, string HoursAfter, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(WeekAfter, HoursAfter);
}

/// <summary>A holiday added or edited; <see cref="TitleBefore"/> is null when the day was not a holiday.</summary>
public sealed record HolidaySaved(string Date, string Title, bool Confirmed, string? TitleBefore, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Date, Title);
}

public sealed record HolidayRemoved(string Date, string Title, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Date, Title);
}

public sealed record ClosureAdded(string From, string To, string Reason, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(From, To, Reason);
}

public sealed record ClosureRemoved(string From, string To, string Reason, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(From, To, Reason);
}

/// <summary>A CSV file replaced the holidays and closures of the years it lists.</summary>
public sealed record CalendarImported(int Holidays, int Closures, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Holidays, Closures);
}
