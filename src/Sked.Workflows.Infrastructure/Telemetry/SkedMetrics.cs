using System.Diagnostics.Metrics;

namespace Sked.Workflows.Infrastructure.Telemetry;

/// <summary>
/// The app's own metrics (meter <see cref="MeterName"/>, exported for Prometheus by the web host):
/// cases started and answered per type, outbox deliveries per kind and outcome, and the backlog
/// (outbox depth and age, timers due and how late) as last sampled by <see cref="BacklogSampler"/>.
/// docs/operations.md lists them with the alerts to set.
/// </summary>
public sealed class SkedMetrics
{
    public const string MeterName = "Sked.Workflows";

    private readonly Counter<long> _started;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _delivered;
    private Backlog _backlog = Backlog.None;

    public SkedMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("sked.cases.started", "{case}", "Cases started, by case type");
        _answered = meter.CreateCounter<long>("sked.cases.answered", "{case}", "Cases whose answer was published, by case type");
        _delivered = meter.CreateCounter<long>("sked.outbox.deliveries", "{message}", "Outbox deliveries by message kind and outcome (delivered, failed, dead)");
        meter.CreateObservableGauge("sked.outbox.pending", () => _backlog.OutboxPending, "{message}", "Messages due for delivery and not delivered");
        meter.CreateObservableGauge("sked.outbox.oldest_age", () => _backlog.OutboxOldest.TotalSeconds, "s", "How long the oldest undelivered message has waited");
        meter.CreateObservableGauge("sked.timers.due", () => _backlog.TimersDue, "{timer}", "Timers due and not fired");
        meter.CreateObservableGauge("sked.timers.oldest_lateness", () => _backlog.TimersOldest.TotalSeconds, "s", "How late the oldest due, unfired timer is");
    }

    public void CaseStarted(string type) => _started.Add(1, new KeyValuePair<string, object?>("type", type));

    public void CaseAnswered(string type) => _answered.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Delivered(string kind, string outcome) =>
        _delivered.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The backlog the gauges report until the next sample.</summary>
    public void Sampled(Backlog backlog) => _backlog = backlog;
}
