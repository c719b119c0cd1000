using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>The complaint's escalation ladder and its pause for the citizen, on the default working week.</summary>
public sealed class WorkingTimeTests
{
    private const string DepartmentAnswer = "department-answer";

    private static CaseRun Routed()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask("edesk-review"), "route", ("department", "billing"));
        return run;
    }

    [Fact]
    public void TheLadder_RemindsAt75Percent_ReassignsAtTheDeadline_AndTellsTheCeoOfficeTwoWorkingDaysPast()
    {
        var run = Routed();
        var task = run.OpenTask(DepartmentAnswer);
        var steps = run.Timers.Where(t => t.TaskId == task.Id).OrderBy(t => t.Step).ToList();

        Assert.Equal(3, steps.Count);
        Assert.True(steps[0].DueAt < task.DueAt);
        Assert.Equal(task.DueAt, steps[1].DueAt);
        Assert.Equal(WorkingCalendar.Default.EndOfWorkingDays(task.DueAt!.Value, 2), steps[2].DueAt);

        var result = run.Fire(steps[2]);

        var notice = Assert.Single(result.Effects.OfType<StaffNoticeEffect>());
        Assert.Equal(Roles.CeoOffice, notice.Recipient);
        Assert.Single(result.Effects.OfType<AuditEffect>(), e => e.Data is EscalatedToCeoOffice);
    }

    [Fact]
    public void AskingTheCitizen_PausesTheClock_AndTheReplyMovesThePromiseByTheWorkingDaysWaited()
    {
        var run = Routed();
        var promised = run.Case.ExpectedAnswerAt!.Value;

        run.Complete(run.OpenTask(DepartmentAnswer), "ask", ("question", "شماره اشتراک؟"));
        Assert.Equal(CaseStatuses.AwaitingCitizen, run.Case.Status);
        Assert.Equal(run.Now, run.Case.PausedAt);
        var paused = run.Now;

        run.Advance(TimeSpan.FromDays(7));
        run.Apply(new CitizenRepliedSignal(Guid.CreateVersion7(), "۱۲۳۴۵۶"));

        Assert.Null(run.Case.PausedAt);
        Assert.Equal(DeadlineReasons.Pause, run.Case.PromiseMovedBy);
        var expected = Deadline.Parse("7WD").Recount(promised, paused, WorkingCalendar.Default, run.Now, WorkingCalendar.Default);
        Assert.Equal(expected, run.Case.ExpectedAnswerAt);
        // A week's wait on a week without holidays: the same working days, a week later.
        Assert.Equal(promised.AddDays(7), run.Case.ExpectedAnswerAt);
        Assert.Equal(DepartmentAnswer, run.Instance.CurrentNodeId);
    }
}
