using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// A case's deadlines moved after they were set: the calendar changed under them, or the clock was
// paused while the company waited for the citizen.

/// <summary>
/// One deadline moved: <see cref="What"/> is promise (the answer date the citizen was given), task or
/// timer (with its id); <see cref="Reason"/> is closure, calendar or pause; <see cref="Detail"/> the
/// closure's reason. <see cref="CalendarVersion"/> is the calendar the new date was computed on; the node is
/// where the case stood.
/// </summary>
public sealed record DeadlineMoved(string What, Guid? Id, DateTimeOffset Before, DateTimeOffset After, string Reason, string? Detail, int CalendarVersion) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) =>
        Sentence(AuditText.Label("deadlineKind", What), JalaliDate.Format(Before), JalaliDate.Format(After), AuditText.Label("deadlineReason", Reason));
}

/// <summary>The case's clock stopped while the company waits for the citizen's answer to <see cref="Question"/>.</summary>
public sealed record ClockPaused(string? Question) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}

/// <summary>The clock runs again (the citizen replied, or the wait ran out).</summary>
public sealed record ClockResumed(DateTimeOffset PausedAt, string Why) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(JalaliDate.Format(PausedAt), AuditText.Label("resumeWhy", Why));
}

/// <summary>The task ran past its deadline by the configured overrun: the CEO office was told.</summary>
public sealed record EscalatedToCeoOffice(Guid Task, int Step) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}
