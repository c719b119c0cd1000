using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>The shipped complaint workflow, driven signal by signal without a database.</summary>
public sealed class InterpreterTests
{
    private const string Review = "edesk-review";
    private const string DepartmentAnswer = "department-answer";

    [Fact]
    public void Start_OnAComplaint_WaitsAtTheEDeskReview()
    {
        var run = CaseRun.Complaint();

        var result = run.Start();

        Assert.Equal(SignalStatus.Applied, result.Status);
        Assert.Equal(InstanceStatus.Waiting, run.Instance.Status);
        Assert.Equal(Review, run.Instance.CurrentNodeId);
        Assert.Equal(CaseStatuses.InReview, run.Case.Status);
    }

    [Fact]
    public void Start_OnAComplaint_OffersTheReviewTaskToTheEDesk()
    {
        var run = CaseRun.Complaint();

        var task = Assert.Single(run.Start().Effects.OfType<OpenTask>()).Task;

        Assert.Equal(Review, task.NodeId);
        Assert.Equal(Roles.EDesk, task.CandidateRole);
        Assert.Null(task.Department);
        Assert.Equal(run.Case.TrackingCode, task.TrackingCode);
        Assert.Equal(run.Instance.Activation, task.Activation);
        // Saturday 11:30 in Tehran: one working day is the close of Sunday; the complaint's own promise is seven.
        Assert.Equal(WorkingCalendar.Default.EndOfWorkingDays(run.Now, 1), task.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 14, 30, 0, TimeSpan.FromHours(3.5)), task.DueAt);
        Assert.Equal(WorkingCalendar.Default.EndOfWorkingDays(run.Now, 7), run.Case.ExpectedAnswerAt);
    }

    [Fact]
    public void Start_OnAComplaint_SchedulesTheReviewTaskEscalation()
    {
        var run = CaseRun.Complaint();

        var effects = run.Start().Effects;

        var task = effects.OfType<OpenTask>().Single().Task;
        var timer = Assert.Single(effects.OfType<ScheduleTimer>()).Timer;
        Assert.Equal(TimerKind.Escalation, timer.Kind);
        Assert.Equal(task.Id, timer.TaskId);
        Assert.Equal(Review, timer.NodeId);
        Assert.Equal(task.Activation, timer.Activation);
        // 75% of the ten office hours from Saturday 11:30 to Sunday's close: Sunday at 12:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(3.5)), timer.DueAt);
    }

    [Fact]
    public void Start_OnAComplaint_TextsTheTrackingCodeToTheCitizen()
    {
        var run = CaseRun.Complaint();

        var sms = Assert.Single(run.Start().Effects.OfType<NotifyEffect>());

        Assert.Equal("sms", sms.Channel);
        Assert.Equal("09123456789", sms.Recipient);
        Assert.Contains(run.Case.TrackingCode, sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WhenTheComplaintMentionsTheMeter_SuggestsTheMeteringDepartment()
    {
        var run = CaseRun.Complaint("كنتور منزل ما از دیروز عدد اشتباه نشان می‌دهد.");

        run.Start();

        Assert.Equal("metering", run.Case.Department);
    }

    [Fact]
    public void Start_WhenTheInstanceHasAlreadyStarted_IsIgnored()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var again = run.Start();

        Assert.Equal(SignalStatus.Ignored, again.Status);
        Assert.Empty(again.Effects);
        Assert.Single(run.Tasks);
    }

    [Fact]
    public void Complete_WhenRoutedWithoutADepartment_IsRejectedWithAFieldErrorOnTheDepartment()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Complete(run.OpenTask(Review), "route");

        Assert.Equal(SignalStatus.Rejected, result.Status);
        var message = Assert.Single(Assert.Contains("data.department", result.Errors!));
        Assert.Contains("واحد رسیدگی‌کننده", Catalogue.Render(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_WhenRoutedWithoutADepartment_LeavesTheCaseAndInstanceAsTheyWere()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var before = (run.Instance.CurrentNodeId, run.Instance.Activation, run.Instance.Status, run.Instance.Attempts,
            Variables: run.Instance.Variables.Count, run.Case.Department, run.Case.Status, Timeline: run.Case.Timeline.Count);
        run.Advance(TimeSpan.FromHours(1));

        var result = run.Complete(run.OpenTask(Review), "route", ("department", "  "));

        Assert.Empty(result.Effects);
        Assert.Equal(before, (run.Instance.CurrentNodeId, run.Instance.Activation, run.Instance.Status, run.Instance.Attempts,
            run.Instance.Variables.Count, run.Case.Department, run.Case.Status, run.Case.Timeline.Count));
    }

    [Fact]
    public void Complete_WhenRoutedToAnUnknownDepartment_IsRejectedWithAFieldErrorOnTheDepartment()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Complete(run.OpenTask(Review), "route", ("department", "catering"));

        Assert.Equal(SignalStatus.Rejected, result.Status);
        Assert.Contains("data.department", result.Errors!);
        Assert.Equal(Review, run.Instance.CurrentNodeId);
    }

    [Fact]
    public void Complete_WhenTheOutcomeIsNotAButtonOfTheTask_IsRejected()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Complete(run.OpenTask(Review), "answer", ("department", "billing"));

        Assert.Equal(SignalStatus.Rejected, result.Status);
        Assert.Contains("outcome", result.Errors!);
    }

    [Fact]
    public void Complete_WhenRoutedToADepartment_OffersTheAnswerTaskToThatDepartment()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Complete(run.OpenTask(Review), "route", ("department", "billing"));

        Assert.Equal(SignalStatus.Applied, result.Status);
        var task = Assert.Single(result.Effects.OfType<OpenTask>()).Task;
        Assert.Equal(DepartmentAnswer, task.NodeId);
        Assert.Equal(Roles.Department, task.CandidateRole);
        Assert.Equal("billing", task.Department);
        Assert.Equal(DepartmentAnswer, run.Instance.CurrentNodeId);
        Assert.Equal(InstanceStatus.Waiting, run.Instance.Status);
    }

    [Fact]
    public void Complete_WhenRoutedToADepartment_ShowsTheCitizenWhichDepartmentHasIt()
    {
        var run = CaseRun.Complaint();
        run.Start();

        run.Complete(run.OpenTask(Review), "route", ("department", "billing"));

        Assert.Equal("billing", run.Case.Department);
        Assert.Equal(CaseStatuses.Referred, run.Case.Status);
        Assert.Equal("درآمد و صورتحساب", run.Case.Timeline[^1].Detail);
    }

    [Fact]
    public void Complete_WhenRoutedToADepartment_CancelsTheReviewTimersAndClosesTheReviewTask()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var review = run.OpenTask(Review);

        var effects = run.Complete(review, "route", ("department", "billing")).Effects;

        Assert.Equal(review.Activation, Assert.Single(effects.OfType<CancelTimers>()).Activation);
        var completed = Assert.Single(effects.OfType<CompleteTask>());
        Assert.Equal(review.Id, completed.TaskId);
        Assert.Equal("route", completed.Outcome);
        Assert.True(run.Instance.Activation > review.Activation);
    }

    [Fact]
    public void Complete_WhenTheDepartmentAnswers_PublishesTheAnswerForTheTrackingPage()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask(Review), "route", ("department", "operations"));
        run.Advance(TimeSpan.FromDays(1));

        run.Complete(run.OpenTask(DepartmentAnswer), "answer", ("answer", "  شبكه محله شما  روز شنبه تعمیر شد. "));

        Assert.Equal("شبکه محله شما روز شنبه تعمیر شد.", run.Case.Answer);
        Assert.Equal(run.Now, run.Case.AnsweredAt);
        Assert.Equal(CaseStatuses.Answered, run.Case.Status);
    }

    [Fact]
    public void Complete_WhenTheDepartmentAnswers_CompletesTheInstance()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask(Review), "route", ("department", "operations"));
        run.Advance(TimeSpan.FromDays(1));

        var result = run.Complete(run.OpenTask(DepartmentAnswer), "answer", ("answer", "شبکه محله شما تعمیر شد."));

        Assert.Equal(SignalStatus.Applied, result.Status);
        Assert.Equal(InstanceStatus.Completed, run.Instance.Status);
        Assert.Equal(run.Now, run.Instance.CompletedAt);
        Assert.Equal(run.Now, run.Case.ClosedAt);
        Assert.Empty(result.Effects.OfType<OpenTask>());
    }

    [Fact]
    public void Complete_WhenTheDepartmentAnswersWithoutText_IsRejected()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask(Review), "route", ("department", "operations"));

        var result = run.Complete(run.OpenTask(DepartmentAnswer), "answer", ("note", "بعداً"));

        Assert.Equal(SignalStatus.Rejected, result.Status);
        Assert.Contains("data.answer", result.Errors!);
        Assert.Null(run.Case.Answer);
    }

    [Fact]
    public void Complete_WhenTheEDeskRejectsWithAReason_ShowsTheReasonAndClosesTheCase()
    {
        var run = CaseRun.Complaint();
        run.Start();

        run.Complete(run.OpenTask(Review), "reject", ("reason", "این موضوع در حوزه شرکت توزیع نیست."));

        Assert.Equal("این موضوع در حوزه شرکت توزیع نیست.", run.Case.Answer);
        Assert.Equal(CaseStatuses.Rejected, run.Case.Status);
        Assert.Equal(InstanceStatus.Completed, run.Instance.Status);
    }

    [Fact]
    public void Complete_WhenTheTaskIsFromAnEarlierVisitToTheNode_IsAConflict()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var firstReview = run.OpenTask(Review);
        run.Complete(firstReview, "route", ("department", "billing"));
        run.Complete(run.OpenTask(DepartmentAnswer), "return");
        Assert.Equal(Review, run.Instance.CurrentNodeId);

        var result = run.Complete(firstReview, "route", ("department", "metering"));

        Assert.Equal(SignalStatus.Conflict, result.Status);
        Assert.Empty(result.Effects);
        Assert.Equal(Review, run.Instance.CurrentNodeId);
        Assert.Equal("billing", run.Case.Department);
    }

    [Fact]
    public void Complete_WhenTheSameTaskIsCompletedTwice_IsAConflict()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var review = run.OpenTask(Review);
        run.Complete(review, "route", ("department", "billing"));
        var activation = run.Instance.Activation;

        var result = run.Complete(review, "route", ("department", "billing"));

        Assert.Equal(SignalStatus.Conflict, result.Status);
        Assert.Equal(activation, run.Instance.Activation);
        Assert.Single(run.Tasks, t => t.NodeId == DepartmentAnswer);
    }

    [Fact]
    public void TimerDue_WhenTheReviewReminderIsDue_RemindsTheEDeskAndKeepsWaiting()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Fire(run.Timers.Single());

        Assert.Equal(SignalStatus.Applied, result.Status);
        var reminder = Assert.Single(result.Effects.OfType<StaffNoticeEffect>());
        Assert.Equal(Sked.Workflows.Engine.Tasks.StaffNoticeKinds.Reminder, reminder.Kind);
        Assert.Contains(run.Case.TrackingCode, reminder.Text, StringComparison.Ordinal);
        Assert.Empty(result.Effects.OfType<ReassignTask>());
        Assert.Equal(Review, run.Instance.CurrentNodeId);
        Assert.Equal(InstanceStatus.Waiting, run.Instance.Status);
    }

    [Fact]
    public void TimerDue_WhenTheTimerHasAlreadyFired_IsIgnored()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var reminder = run.Timers.Single();
        run.Fire(reminder);

        var again = run.Fire(reminder);

        Assert.Equal(SignalStatus.Ignored, again.Status);
        Assert.Empty(again.Effects);
    }

    [Fact]
    public void TimerDue_WhenTheTaskWasDoneBeforeTheReminder_SendsNoReminder()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var reminder = run.Timers.Single();
        run.Complete(run.OpenTask(Review), "route", ("department", "billing"));

        var result = run.Fire(reminder);

        Assert.Empty(result.Effects.OfType<StaffNoticeEffect>());
        Assert.Equal(DepartmentAnswer, run.Instance.CurrentNodeId);
        Assert.Equal(CaseStatuses.Referred, run.Case.Status);
    }

    [Fact]
    public void TimerDue_WhenTheAnswerIsOverdue_ReassignsTheTaskToTheDepartmentHead()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask(Review), "route", ("department", "billing"));
        var task = run.OpenTask(DepartmentAnswer);
        var reassignStep = run.Timers.Single(t => t.NodeId == DepartmentAnswer && t.DueAt == task.DueAt);

        var result = run.Fire(reassignStep);

        var reassign = Assert.Single(result.Effects.OfType<ReassignTask>());
        Assert.Equal(task.Id, reassign.TaskId);
        Assert.Equal(Roles.DepartmentHead, reassign.CandidateRole);
        Assert.Equal("billing", reassign.Department);
        Assert.Equal(CaseStatuses.Escalated, run.Case.Status);
        Assert.Equal(DepartmentAnswer, run.Instance.CurrentNodeId);
    }

    [Fact]
    public void TimerDue_WhenTheAnswerReminderIsDue_DoesNotReassignTheTask()
    {
        var run = CaseRun.Complaint();
        run.Start();
        run.Complete(run.OpenTask(Review), "route", ("department", "billing"));
        var remindStep = run.Timers.Single(t => t.NodeId == DepartmentAnswer && t.Step == 0);

        var result = run.Fire(remindStep);

        Assert.Empty(result.Effects.OfType<ReassignTask>());
        Assert.Single(result.Effects.OfType<StaffNoticeEffect>());
        Assert.Equal(CaseStatuses.Referred, run.Case.Status);
    }

    [Fact]
    public void Retry_WhenTheInstanceIsWaiting_IsAConflict()
    {
        var run = CaseRun.Complaint();
        run.Start();

        var result = run.Apply(new RetrySignal("operator"));

        Assert.Equal(SignalStatus.Conflict, result.Status);
        Assert.Equal(InstanceStatus.Waiting, run.Instance.Status);
    }
}
