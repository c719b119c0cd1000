using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>
/// The task that answers the citizen may ask them first, in every shipped workflow that answers a citizen:
/// the question goes out (SMS, and mail where they gave an address), the clock stops, and their reply
/// brings the case back to the same task with the promise moved by the wait.
/// </summary>
public sealed class AskTheCitizenTests
{
    private const string Question = "شماره اشتراک برق را بنویسید.";

    public static TheoryData<string> Paths => ["letter", "ceo-question/private", "ceo-question/public", "public-report"];

    [Theory]
    [MemberData(nameof(Paths))]
    public void TheAnsweringTask_AsksTheCitizen_PausesTheClock_AndTheReplyReturnsToIt(string path)
    {
        var (run, taskNode, statusAfter) = AtTheAnsweringTask(path);
        var promised = run.Case.ExpectedAnswerAt!.Value;

        var asked = run.Complete(run.OpenTask(taskNode), "ask", ("question", Question));

        Assert.Equal(SignalStatus.Applied, asked.Status);
        Assert.Equal(CaseStatuses.AwaitingCitizen, run.Case.Status);
        Assert.Equal(run.Now, run.Case.PausedAt);
        Assert.Equal(Question, run.Case.Timeline.Last().Detail);
        Assert.Contains(asked.Effects.OfType<AuditEffect>(), e => e.Data is ClockPaused { Question: Question });
        var paused = run.Now;

        run.Advance(TimeSpan.FromDays(7));
        var replied = run.Apply(new CitizenRepliedSignal(Guid.CreateVersion7(), "۱۲۳۴۵۶"));

        Assert.Equal(SignalStatus.Applied, replied.Status);
        Assert.Equal(taskNode, run.Instance.CurrentNodeId);
        Assert.Equal(statusAfter, run.Case.Status);
        Assert.Null(run.Case.PausedAt);
        Assert.Contains(replied.Effects.OfType<AuditEffect>(), e => e.Data is ClockResumed);
        Assert.Equal(DeadlineReasons.Pause, run.Case.PromiseMovedBy);
        var expected = Deadline.Parse(run.Case.AnswerRule!).Recount(promised, paused, WorkingCalendar.Default, run.Now, WorkingCalendar.Default);
        Assert.Equal(expected, run.Case.ExpectedAnswerAt);
        Assert.Equal(promised.AddDays(7), run.Case.ExpectedAnswerAt);
    }

    [Fact]
    public void TheQuestion_GoesBySmsAndByMail_WhenTheCitizenGaveBoth()
    {
        var (run, taskNode, _) = AtTheAnsweringTask("letter", c => c.Citizen.Email = "hasan@example.ir");

        var asked = run.Complete(run.OpenTask(taskNode), "ask", ("question", Question));

        var sent = asked.Effects.OfType<NotifyEffect>().ToList();
        Assert.Equal(["sms", "email"], sent.Select(n => n.Channel));
        Assert.All(sent, n => Assert.Contains(Question, n.Text, StringComparison.Ordinal));
        Assert.All(sent, n => Assert.Null(n.Secret));
    }

    [Fact]
    public void AnAnonymousReport_IsAskedOnTheTrackingPageAlone()
    {
        var (run, taskNode, _) = AtTheAnsweringTask("public-report", c =>
        {
            c.Anonymous = true;
            c.Citizen = new CitizenContact();
        });

        var asked = run.Complete(run.OpenTask(taskNode), "ask", ("question", Question));

        Assert.Empty(asked.Effects.OfType<NotifyEffect>());
        Assert.Equal(2, asked.Effects.OfType<AuditEffect>().Count(e => e.Data is NotificationSkipped));
        Assert.Equal(CaseStatuses.AwaitingCitizen, run.Case.Status);
        Assert.Equal(Question, run.Case.Timeline.Last().Detail);
    }

    /// <summary>A case on the path's shipped workflow, started and routed to the task that answers the citizen.</summary>
    private static (CaseRun Run, string TaskNode, string StatusAfter) AtTheAnsweringTask(string path, Action<CaseFile>? shape = null)
    {
        var type = path.Split('/')[0];
        var run = CaseRun.Shipped(type, c =>
        {
            c.Citizen.NationalCode = "0499370899";
            c.Category = "hazard";
            c.AnswerType = path.EndsWith("/private", StringComparison.Ordinal) ? AnswerTypes.Private : AnswerTypes.Public;
            shape?.Invoke(c);
        });
        Assert.Equal(SignalStatus.Applied, run.Start().Status);
        switch (path)
        {
            case "letter":
                run.Complete(run.OpenTask("secretariat-referral"), "refer", ("department", "billing"));
                return (run, "unit-action", CaseStatuses.InCirculation);
            case "ceo-question/private":
                return (run, "ceo-answer", CaseStatuses.InProgress);
            case "ceo-question/public":
                run.Complete(run.OpenTask("edesk-review"), "route", ("department", "billing"));
                return (run, "department-answer", CaseStatuses.Referred);
            default:
                run.Complete(run.OpenTask("edesk-review"), "route", ("department", "safety"));
                return (run, "field-investigation", CaseStatuses.UnderInvestigation);
        }
    }
}
