using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.DryRun;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tests.Definitions;
using Sked.Workflows.Engine.Tests.Runtime;

namespace Sked.Workflows.Engine.Tests.DryRun;

/// <summary>
/// A real complaint, recorded as it ran on the shipped workflow, replayed on the drafts a process
/// owner might make: what the owner is told about where the case would go.
/// </summary>
public sealed class DryRunnerTests
{
    private const string Review = "edesk-review";
    private const string DepartmentAnswer = "department-answer";
    private const string QualityCheck = "quality-check";
    private const string CoolingOff = "cooling-off";

    [Fact]
    public void Replay_OnTheRecordedDefinition_CompletesAtTheAnsweredEnd()
    {
        var result = Replay(Drafts.Shipped("complaint"), Answered());

        Assert.Equal(DryRunVerdict.Completed, result.Verdict);
        Assert.Equal("end-answered", result.StoppedAt);
    }

    [Fact]
    public void Replay_OnTheRecordedDefinition_FollowsTheRecordedPathWithoutAssumptions()
    {
        var recorded = Answered();

        var result = Replay(Drafts.Shipped("complaint"), recorded);

        Assert.Equal(recorded.ActualPath, result.Path);
        Assert.Equal("end-answered", result.Path[^1]);
        Assert.True(result.SameAsRecorded);
        Assert.Empty(result.Assumed);
    }

    [Fact]
    public void Replay_WithANewOneOutcomeTaskAfterRouting_CompletesAssumingItsOutcome()
    {
        var draft = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask(QualityCheck, ["done"]), "done");

        var result = Replay(draft, Answered());

        Assert.Equal(DryRunVerdict.Completed, result.Verdict);
        Assert.Equal([QualityCheck], result.Assumed);
        Assert.False(result.SameAsRecorded);
    }

    [Fact]
    public void Replay_WithANewOneOutcomeTaskAfterRouting_PassesItBetweenReviewAndAnswer()
    {
        var draft = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask(QualityCheck, ["done"]), "done");

        var path = Replay(draft, Answered()).Path.ToList();

        Assert.Equal(path.IndexOf(Review) + 1, path.IndexOf(QualityCheck));
        Assert.Equal(path.IndexOf(QualityCheck) + 1, path.IndexOf(DepartmentAnswer));
    }

    [Fact]
    public void Replay_WithANewTwoOutcomeTask_NeedsANewDecisionThere()
    {
        var draft = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask(QualityCheck, ["done", "redo"]), "done", "redo");

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.NeedsNewDecision, QualityCheck), (result.Verdict, result.StoppedAt));
        Assert.Equal(QualityCheck, result.Path[^1]);
        Assert.Empty(result.Assumed);
    }

    [Fact]
    public void Replay_WithANewTaskWhoseFormIsRequired_NeedsANewDecisionNamingTheField()
    {
        var form = """[{"name": "checked", "label": "بررسی شد", "type": "boolean", "required": true}]""";
        var draft = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask(QualityCheck, ["done"], form), "done");

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.NeedsNewDecision, QualityCheck), (result.Verdict, result.StoppedAt));
        Assert.Contains("data.checked", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WhenANewFieldIsRequiredForTheRecordedOutcome_IsRejectedNamingTheField()
    {
        var draft = Drafts.Shipped("complaint");
        draft.Properties(DepartmentAnswer)["form"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{"name": "letterNumber", "label": "شماره نامه", "type": "text", "requiredFor": ["answer"]}"""));

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.Rejected, DepartmentAnswer), (result.Verdict, result.StoppedAt));
        Assert.StartsWith("data.letterNumber: ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WhenTheDepartmentAnswerIsRemoved_FailsToPublishWithoutAnAnswer()
    {
        // The department's question to the citizen goes with it.
        var draft = Drafts.Shipped("complaint").Remove(DepartmentAnswer).Remove("notify-ask").Remove("await-reply").Connect(Review, "route", "publish-answer");

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.Failed, "publish-answer"), (result.Verdict, result.StoppedAt));
        Assert.Contains("'answer'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WhenTheEDeskReviewIsRemoved_HitsTheRemovedReview()
    {
        // Routing by keyword alone: no e-desk, so no rejection branch either.
        var draft = Drafts.Shipped("complaint").Remove(Review).Remove("publish-rejection").Remove("notify-rejected").Remove("end-rejected")
            .Connect("auto-route", "next", DepartmentAnswer)
            .Connect(DepartmentAnswer, "return", "auto-route");

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.HitsRemovedNode, Review), (result.Verdict, result.StoppedAt));
    }

    [Fact]
    public void Replay_WhenTheDepartmentAnswersBeforeTheReview_DivergesAtTheAnswer()
    {
        var draft = Drafts.Shipped("complaint")
            .Connect("auto-route", "next", DepartmentAnswer)
            .Connect(DepartmentAnswer, "answer", Review)
            .Connect(Review, "route", "publish-answer");

        var result = Replay(draft, Answered());

        Assert.Equal((DryRunVerdict.Diverged, DepartmentAnswer), (result.Verdict, result.StoppedAt));
    }

    [Fact]
    public void Replay_OfACaseStillWithTheDepartment_WaitsForTheDepartment()
    {
        var recorded = new Recording(Drafts.Shipped("complaint")).Complete(Review, "route", ("department", "metering")).ToRecorded();

        var result = Replay(Drafts.Shipped("complaint"), recorded);

        Assert.Equal((DryRunVerdict.Waiting, DepartmentAnswer), (result.Verdict, result.StoppedAt));
        Assert.True(result.SameAsRecorded);
    }

    [Fact]
    public void Replay_WithANewWaitBeforePublishing_CompletesTakingItAsElapsed()
    {
        var draft = Drafts.Shipped("complaint").InsertAfter(DepartmentAnswer, "answer", Drafts.Timer(CoolingOff, "P1D"), "next");

        var result = Replay(draft, Answered());

        Assert.Equal(DryRunVerdict.Completed, result.Verdict);
        Assert.Equal([CoolingOff], result.Assumed);
    }

    [Fact]
    public void Replay_WhenTheRecordedWaitRanOut_CompletesWithoutAssumptions()
    {
        var withWait = Drafts.Shipped("complaint").InsertAfter(DepartmentAnswer, "answer", Drafts.Timer(CoolingOff, "P1D"), "next");
        var recorded = new Recording(withWait).Complete(Review, "route", ("department", "metering"))
            .Complete(DepartmentAnswer, "answer", ("answer", "کنتور شما تعویض شد.")).Fire(CoolingOff).ToRecorded();

        var result = Replay(withWait, recorded, recordedDefinition: withWait);

        Assert.Equal(DryRunVerdict.Completed, result.Verdict);
        Assert.Empty(result.Assumed);
        Assert.True(result.SameAsRecorded);
    }

    [Fact]
    public void Replay_OfACaseStillInARecordedWait_WaitsThere()
    {
        var withWait = Drafts.Shipped("complaint").InsertAfter(DepartmentAnswer, "answer", Drafts.Timer(CoolingOff, "P1D"), "next");
        var recorded = new Recording(withWait).Complete(Review, "route", ("department", "metering"))
            .Complete(DepartmentAnswer, "answer", ("answer", "کنتور شما تعویض شد.")).ToRecorded();

        var result = Replay(withWait, recorded, recordedDefinition: withWait);

        Assert.Equal((DryRunVerdict.Waiting, CoolingOff), (result.Verdict, result.StoppedAt));
        Assert.Empty(result.Assumed);
    }

    private static RecordedCase Answered() =>
        new Recording(Drafts.Shipped("complaint"))
            .Complete(Review, "route", ("department", "metering"))
            .Complete(DepartmentAnswer, "answer", ("answer", "کنتور شما تعویض شد."))
            .ToRecorded();

    private static DryRunResult Replay(WorkflowDefinition draft, RecordedCase recorded, WorkflowDefinition? recordedDefinition = null) =>
        DryRunner.Replay(CaseRun.Compile(draft), recordedDefinition ?? Drafts.Shipped("complaint"), recorded, CaseRun.Environment);

    /// <summary>A complaint run for real (in memory) on one definition, with its steps kept as its history would record them.</summary>
    private sealed class Recording
    {
        private readonly CaseRun _run;
        private readonly List<RecordedStep> _steps = [];

        public Recording(WorkflowDefinition definition)
        {
            _run = new CaseRun(CaseRun.Compile(definition), CaseRun.NewCase(CaseTypes.Complaint, "برق خیابان ما هر شب چند بار قطع و وصل می‌شود."));
            Assert.Equal(SignalStatus.Applied, _run.Start().Status);
        }

        public Recording Complete(string nodeId, string outcome, params (string Name, string Value)[] data)
        {
            _run.Advance(TimeSpan.FromHours(3));
            var result = _run.Complete(_run.OpenTask(nodeId), outcome, [.. data.Select(d => (d.Name, (string?)d.Value))]);
            Assert.Equal(SignalStatus.Applied, result.Status);
            _steps.Add(new RecordedTaskCompletion(nodeId, _run.Now, outcome, data.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal), "staff.user"));
            return this;
        }

        public Recording Fire(string nodeId)
        {
            var timer = _run.Timers.Last(t => t.NodeId == nodeId);
            Assert.Equal(SignalStatus.Applied, _run.Fire(timer).Status);
            _steps.Add(new RecordedTimerFired(nodeId, _run.Now));
            return this;
        }

        public RecordedCase ToRecorded() => new(Fresh(_run.Case), _run.Workflow.Version, _steps, _run.EnteredNodes, _run.Instance.Status);

        /// <summary>The submission as it was received, before intake and the tasks changed it.</summary>
        private static CaseFile Fresh(CaseFile @case) => new()
        {
            Id = @case.Id,
            TrackingCode = @case.TrackingCode,
            Type = @case.Type,
            Subject = @case.Subject,
            Body = @case.Body,
            Citizen = new CitizenContact { Name = @case.Citizen.Name, Mobile = @case.Citizen.Mobile },
            CreatedAt = @case.CreatedAt,
        };
    }
}
