using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.DryRun;

/// <summary>
/// A real case as its history recorded it, for replaying against a draft: the submission as it was
/// received (a fresh <see cref="CaseFile"/>: no status, department, answer or timeline) and the
/// signals people and timers gave it, in the order they happened.
/// </summary>
/// <param name="Submission">A fresh copy the replay may change; one replay per copy.</param>
/// <param name="Version">The definition version the case ran on.</param>
/// <param name="Steps">Completed tasks and fired wait timers, oldest first (escalations left out: they do not move the case).</param>
/// <param name="ActualPath">The node ids the case entered, in order (from its node.entered events).</param>
/// <param name="ActualStatus">Where the real instance stands now.</param>
public sealed record RecordedCase(
    CaseFile Submission,
    int Version,
    IReadOnlyList<RecordedStep> Steps,
    IReadOnlyList<string> ActualPath,
    InstanceStatus ActualStatus)
{
    public string TrackingCode => Submission.TrackingCode;
}

/// <summary>One signal of a recorded case, at the node it was given to.</summary>
public abstract record RecordedStep(string NodeId, DateTimeOffset At);

/// <summary>A person completed the task at <see cref="RecordedStep.NodeId"/> with this outcome and form data.</summary>
public sealed record RecordedTaskCompletion(string NodeId, DateTimeOffset At, string Outcome, IReadOnlyDictionary<string, string> Data, string Actor)
    : RecordedStep(NodeId, At);

/// <summary>The wait of the timer node <see cref="RecordedStep.NodeId"/> ran out.</summary>
public sealed record RecordedTimerFired(string NodeId, DateTimeOffset At) : RecordedStep(NodeId, At);
