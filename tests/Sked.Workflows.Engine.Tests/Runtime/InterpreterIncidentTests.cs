using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>A node that cannot do its work: retried with back-off, then an incident an operator retries.</summary>
public sealed class InterpreterIncidentTests
{
    private const string Triage = "triage";

    private static readonly CompiledWorkflow HazardOnly = CaseRun.Compile(new WorkflowDefinition
    {
        Id = "triage-test",
        Name = "تفکیک",
        Nodes =
        [
            new NodeDefinition { Id = "start", Type = "start" },
            new NodeDefinition { Id = "intake", Type = "intake" },
            new NodeDefinition
            {
                Id = Triage,
                Type = "decision",
                // No defaultOutcome: a case that is not a hazard report matches nothing.
                Properties = JsonNode.Parse("""
                    {"rules": [{"when": [{"field": "case.category", "op": "equals", "value": "hazard"}], "outcome": "hazard"}]}
                    """)!.AsObject(),
            },
            new NodeDefinition { Id = "done", Type = "end", Properties = new JsonObject { ["status"] = "closed" } },
        ],
        Connections =
        [
            new Connection { From = "start", To = "intake" },
            new Connection { From = "intake", To = Triage },
            new Connection { From = Triage, Outcome = "hazard", To = "done" },
        ],
    });

    private static int MaxAttempts => CaseRun.Environment.Limits.MaxAttempts;

    [Fact]
    public void Start_WhenADecisionMatchesNoRuleAndHasNoDefault_FailsAndSchedulesARetry()
    {
        var run = NewRun();

        var result = run.Start();

        Assert.Equal(SignalStatus.Applied, result.Status);
        Assert.Equal(InstanceStatus.Failing, run.Instance.Status);
        Assert.Equal(Triage, run.Instance.CurrentNodeId);
        Assert.Equal(1, run.Instance.Attempts);
        Assert.Contains("no rule matched", run.Instance.LastError, StringComparison.Ordinal);
        var retry = Assert.Single(result.Effects.OfType<ScheduleTimer>()).Timer;
        Assert.Equal(TimerKind.Retry, retry.Kind);
        Assert.Equal(Triage, retry.NodeId);
        Assert.Equal(run.Now + CaseRun.Environment.Limits.RetryDelay(1), retry.DueAt);
    }

    [Fact]
    public void TimerDue_WhenEveryRetryFails_RaisesAnIncidentAfterMaxAttempts()
    {
        var run = NewRun();
        run.Start();

        var results = FireRetriesUntilStopped(run);

        Assert.Equal(MaxAttempts - 1, results.Count);
        Assert.Equal(InstanceStatus.Incident, run.Instance.Status);
        Assert.Equal(MaxAttempts, run.Instance.Attempts);
        Assert.Contains("no rule matched", run.Instance.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void TimerDue_WhenTheIncidentIsRaised_SchedulesNoFurtherRetry()
    {
        var run = NewRun();
        run.Start();

        var last = FireRetriesUntilStopped(run)[^1];

        Assert.Equal(InstanceStatus.Incident, run.Instance.Status);
        Assert.Empty(last.Effects.OfType<ScheduleTimer>());
        Assert.Equal(MaxAttempts - 1, run.Timers.Count(t => t.Kind == TimerKind.Retry));
    }

    [Fact]
    public void TimerDue_WhileRetrying_AlwaysWaitsBeforeTheNextAttempt()
    {
        var run = NewRun();
        run.Start();

        FireRetriesUntilStopped(run);

        // A retry due at the moment it was scheduled would spin the scheduler in a hot loop.
        Assert.All(run.Timers, t => Assert.True(t.DueAt > t.CreatedAt, $"retry {t.Step} is due at once."));
    }

    [Fact]
    public void Retry_WhenTheCauseOfTheIncidentWasFixed_RunsTheNodeAgainAndFinishes()
    {
        var run = NewRun();
        run.Start();
        FireRetriesUntilStopped(run);
        run.Case.Category = ReportCategories.Hazard;

        var result = run.Apply(new RetrySignal("operator"));

        Assert.Equal(SignalStatus.Applied, result.Status);
        Assert.Equal(InstanceStatus.Completed, run.Instance.Status);
        Assert.Equal(CaseStatuses.Closed, run.Case.Status);
        Assert.Equal(0, run.Instance.Attempts);
        Assert.Null(run.Instance.LastError);
    }

    [Fact]
    public void Retry_WhenTheNodeStillFails_StartsANewRoundOfRetries()
    {
        var run = NewRun();
        run.Start();
        FireRetriesUntilStopped(run);

        var result = run.Apply(new RetrySignal("operator"));

        Assert.Equal(SignalStatus.Applied, result.Status);
        Assert.Equal(InstanceStatus.Failing, run.Instance.Status);
        Assert.Equal(1, run.Instance.Attempts);
        Assert.Equal(TimerKind.Retry, Assert.Single(result.Effects.OfType<ScheduleTimer>()).Timer.Kind);
    }

    [Fact]
    public void TimerDue_WhenARetryRunsAndTheCauseWasFixed_Finishes()
    {
        var run = NewRun();
        run.Start();
        run.Case.Category = ReportCategories.Hazard;

        run.Fire(run.Timers.Single());

        Assert.Equal(InstanceStatus.Completed, run.Instance.Status);
        Assert.Equal(0, run.Instance.Attempts);
    }

    private static CaseRun NewRun() =>
        new(HazardOnly, CaseRun.NewCase(CaseTypes.PublicReport, "یک تیر برق در کوچه ما کج شده است."));

    /// <summary>Fires each retry timer as it comes due until no new one is scheduled.</summary>
    private static List<SignalResult> FireRetriesUntilStopped(CaseRun run)
    {
        var results = new List<SignalResult>();
        for (var fired = 0; fired < run.Timers.Count; fired++)
        {
            // Bounded by the attempts: a run that never stops scheduling retries fails here instead of hanging.
            Assert.True(fired < MaxAttempts * 2, "retries never stopped.");
            results.Add(run.Fire(run.Timers[fired]));
        }

        return results;
    }
}
