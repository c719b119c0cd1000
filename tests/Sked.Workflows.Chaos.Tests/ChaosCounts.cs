using System.Globalization;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// What a fault left behind, counted after recovery; any count but the first is a failure. Lost: an
/// accepted tracking code with no case. Duplicated: a submission stored twice, an instance with two open
/// tasks, a message delivered twice (twice recorded, or twice at the operator). Stuck: an unfinished
/// instance with neither an open task nor a pending timer. Unsent: an accepted case whose citizen never
/// got the "received" SMS, or a message still pending. Overdue: a pending timer past its time.
/// </summary>
public sealed record ChaosCounts(int Accepted, int Lost, int DuplicatedCases, int DuplicatedTasks, int DuplicatedDeliveries,
    int Stuck, int Unsent, int OverdueTimers, int Unexpected5xx, int NotFound)
{
    public int Duplicated => DuplicatedCases + DuplicatedTasks + DuplicatedDeliveries;

    /// <summary>The counts that change while the app catches up (delivers, fires timers); the others are final.</summary>
    public bool Settled => Stuck == 0 && Unsent == 0 && OverdueTimers == 0;

    public bool Clean => Lost == 0 && Duplicated == 0 && Settled && Unexpected5xx == 0 && NotFound == 0;

    /// <summary>One line per fault, for the test output and artifacts/chaos/summary.txt.</summary>
    public string Line(string fault, ChaosTally tally, string detail) => string.Create(CultureInfo.InvariantCulture,
        $"{fault}: {Accepted} accepted, {Lost} lost, {Duplicated} duplicated (cases {DuplicatedCases}, tasks {DuplicatedTasks}, deliveries {DuplicatedDeliveries}), "
        + $"{Stuck} stuck, {Unsent} unsent, {OverdueTimers} overdue timers, {Unexpected5xx} unexpected 5xx, {NotFound} accepted not found; "
        + $"{tally.Answered} answers, {tally.Unavailable} × 503, {tally.Refused} without answer, {tally.Completed} tasks completed, submit median {tally.SubmitPercentile(0.5):0} ms, p95 {tally.SubmitPercentile(0.95):0} ms; {detail}");
}
