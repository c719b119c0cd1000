using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>An instance ended where it waits (a merged duplicate) completes as at an end node: its timers stop and its task is no longer open to it.</summary>
public sealed class EndSignalTests
{
    [Fact]
    public void EndingAWaitingInstance_CompletesIt_StopsItsTimers_AndClosesTheCase()
    {
        var run = CaseRun.Complaint();
        run.Start();
        var review = run.OpenTask("edesk-review");
        var status = run.Case.Status;
        run.Advance(TimeSpan.FromHours(2));

        var ended = run.Apply(new EndSignal("edesk"));

        Assert.Equal(SignalStatus.Applied, ended.Status);
        Assert.Equal(InstanceStatus.Completed, run.Instance.Status);
        Assert.Equal(run.Now, run.Instance.CompletedAt);
        Assert.Equal(run.Now, run.Case.ClosedAt);
        Assert.Equal(status, run.Case.Status);
        Assert.Contains(ended.Effects, e => e is CancelTimers cancel && cancel.Activation == run.Instance.Activation);
        Assert.Contains(ended.Effects.OfType<AuditEffect>(), e => e.Data is InstanceCompleted { Node: "edesk-review" } && e.Actor == "edesk");
        Assert.Equal(SignalStatus.Conflict, run.Complete(review, "route", ("department", "billing")).Status);
        Assert.Equal(SignalStatus.Ignored, run.Apply(new EndSignal("edesk")).Status);
        Assert.Equal(SignalStatus.Ignored, run.Apply(new CitizenRepliedSignal(Guid.CreateVersion7(), "پاسخ")).Status);
    }
}
