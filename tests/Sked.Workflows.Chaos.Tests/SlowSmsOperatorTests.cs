using System.Globalization;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// The SMS operator answers only after seconds: citizens' submissions and the e-desk's work go on at their
/// usual pace (the SMS leaves through the outbox, after the commit), and every "received" SMS arrives once.
/// </summary>
public sealed class SlowSmsOperatorTests(TestDatabases databases)
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task SlowOperator_DoesNotSlowIntakeOrStaff_AndEverySmsIsSentOnce()
    {
        // SQLite: its one writer is where a wait for the operator would hold everybody up.
        await using var stage = await ChaosStage.SetUpAsync(databases, await databases.CreateAsync(Store.Sqlite));
        // Enough messages on their way at once that a slow operator still empties the outbox within the wait,
        // and a lease long enough that a delivery waits out the operator (it is given up after half the lease).
        stage.Settings["Outbox:Parallelism"] = "32";
        stage.Settings["Outbox:Lease"] = (ChaosSettings.SmsDelay * 4).ToString("c", CultureInfo.InvariantCulture);
        stage.Operator.AnswerDelay = ChaosSettings.SmsDelay;
        await using var app = await stage.StartAppAsync();
        await using var load = ChaosLoad.Start(app.BaseAddress, stage.Tally, pace: TimeSpan.FromMilliseconds(150));
        await Task.Delay(Load);
        await load.StopAsync();

        await stage.ReportAsync("slow SMS operator Sqlite", app, string.Create(CultureInfo.InvariantCulture,
            $"operator answering after {ChaosSettings.SmsDelay.TotalSeconds:0} s, {Load.TotalSeconds:0} s of load"),
            // Past the SMS client's timeout the circuit breaker opens and the outbox backs off: more time to catch up.
            wait: TimeSpan.FromSeconds(45) + (ChaosSettings.SmsDelay * 4));
        // The median, not the tail: the first submissions of a fresh process wait for the JIT, not for the operator.
        var median = stage.Tally.SubmitPercentile(0.5);
        Assert.True(median < ChaosSettings.SmsDelay.TotalMilliseconds / 2, $"submissions waited for the SMS operator: median {median:0} ms with the operator answering after {ChaosSettings.SmsDelay}");
        Assert.True(stage.Tally.Completed > 0, "the e-desk completed no task while the operator was slow");
    }
}
