namespace Sked.Workflows.Engine.DryRun;

/// <summary>Where one recorded case would go on the draft, found without writing anything.</summary>
/// <param name="TrackingCode">The real case replayed.</param>
/// <param name="Verdict">How the replay ended.</param>
/// <param name="Path">Node ids the case would enter on the draft, in order.</param>
/// <param name="StoppedAt">The node the replay ended at: the end node, the waiting node, the removed node the history needs, or the failing node.</param>
/// <param name="Detail">The engine's message for a failure or a rejection (form errors), else null.</param>
/// <param name="Assumed">Node ids of new steps the replay passed on an assumption (the only outcome of a new task, a new timer taken as elapsed).</param>
/// <param name="SameAsRecorded">The draft path equals the recorded path.</param>
public sealed record DryRunResult(
    string TrackingCode,
    DryRunVerdict Verdict,
    IReadOnlyList<string> Path,
    string? StoppedAt,
    string? Detail,
    IReadOnlyList<string> Assumed,
    bool SameAsRecorded);

public enum DryRunVerdict
{
    /// <summary>The case would reach an end node.</summary>
    Completed,
    /// <summary>The recorded history is used up and the case would wait at <see cref="DryRunResult.StoppedAt"/>.</summary>
    Waiting,
    /// <summary>The history continues at a node the draft no longer has (<see cref="DryRunResult.StoppedAt"/>).</summary>
    HitsRemovedNode,
    /// <summary>The case would wait at a node the history did not go to next.</summary>
    Diverged,
    /// <summary>The case would wait at a new task whose outcome the history cannot tell.</summary>
    NeedsNewDecision,
    /// <summary>A node of the draft would fail (no rule matched, no connection...).</summary>
    Failed,
    /// <summary>The recorded form data does not fit the draft's form.</summary>
    Rejected,
}
