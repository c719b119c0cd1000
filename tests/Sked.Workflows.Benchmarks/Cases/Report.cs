using System.Text;

namespace Sked.Workflows.Benchmarks.Cases;

/// <summary>Renders the runs as one Markdown table, a column per store, and lists any failures.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<ScenarioResult> results, int cases, int concurrency)
    {
        var rows = new List<(string Label, Func<ScenarioResult, string> Value)>
        {
            ("cases answered / s (end to end: first submit → last answer)", r => PerSecond(r.Answered, r.EndToEnd)),
            ("submits / s", r => PerSecond(r.Submit.Count, r.SubmitWall)),
            ("task completions / s (incl. task listing)", r => PerSecond(r.Complete.Count, r.CompleteWall)),
            ("tracking lookups / s", r => PerSecond(r.Lookup.Count, r.LookupWall)),
            ("submit ms p50 / p95 / p99 / max", r => Percentiles(r.Submit)),
            ("complete ms p50 / p95 / p99 / max", r => Percentiles(r.Complete)),
            ("tracking lookup ms p50 / p95 / p99 / max", r => Percentiles(r.Lookup)),
            ("task listing (pages of 200): requests, ms p50 / max", r => Invariant($"{r.Listing.Count}: {r.Listing.Percentile(50):0.0} / {r.Listing.Max:0.0}")),
            ("wall clock s: submit / complete / lookup", r => Invariant($"{r.SubmitWall.TotalSeconds:0.00} / {r.CompleteWall.TotalSeconds:0.00} / {r.LookupWall.TotalSeconds:0.00}")),
            ("outbox: messages written, pending at last answer", r => Invariant($"{r.Outbox.Written}, {r.Outbox.PendingAtLastAnswer}")),
            ("outbox drained, s after last answer", r => r.Outbox.DrainedAfterLastAnswer is { } drained ? Invariant($"{drained.TotalSeconds:0.0}") : "not within 120"),
            ("outbox messages that needed a retry", r => Invariant($"{r.Outbox.FailedAttempts}")),
            ("cases answered / submitted", r => Invariant($"{r.Answered} / {r.Cases}")),
            ("failures", r => Invariant($"{r.Failures.Count}")),
            ("working set at end of run (MiB)", r => Invariant($"{r.WorkingSet / 1048576.0:0}")),
            ("process peak working set so far (MiB)", r => Invariant($"{r.PeakWorkingSet / 1048576.0:0}")),
        };

        var text = new StringBuilder();
        text.AppendLine(Invariant($"{cases} complaints, concurrency {concurrency}, {Environment.ProcessorCount} cores")).AppendLine();
        text.Append("| |").AppendJoin("", results.Select(r => $" {r.Store.ToString().ToLowerInvariant()} |")).AppendLine();
        text.Append("|---|").AppendJoin("", results.Select(_ => "---:|")).AppendLine();
        foreach (var (label, value) in rows)
        {
            text.Append("| ").Append(label).Append(" |").AppendJoin("", results.Select(r => $" {value(r)} |")).AppendLine();
        }

        foreach (var result in results.Where(r => r.Failures.Count > 0))
        {
            text.AppendLine().AppendLine(Invariant($"{result.Store} failures ({result.Failures.Count}, first 20):"));
            foreach (var failure in result.Failures.Take(20))
            {
                text.Append("- ").AppendLine(failure);
            }
        }

        return text.ToString();
    }

    private static string PerSecond(int count, TimeSpan wall) => Invariant($"{count / wall.TotalSeconds:0.0}");

    private static string Percentiles(LatencyRecorder latencies) =>
        Invariant($"{latencies.Percentile(50):0.0} / {latencies.Percentile(95):0.0} / {latencies.Percentile(99):0.0} / {latencies.Max:0.0}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
