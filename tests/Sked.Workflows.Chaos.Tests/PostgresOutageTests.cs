using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// PostgreSQL stopped and started again under load, the app left running: meanwhile only 503s with
/// Retry-After, afterwards it serves again without a restart, and nothing is lost, doubled or stuck.
/// Its own server, since the test stops it.
/// </summary>
public sealed class PostgresOutageTests(TestDatabases databases)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PostgresStoppedAndStartedUnderLoad_Only503sMeanwhile_AndNothingLostDoubledOrStuck()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var stage = await ChaosStage.SetUpAsync(databases, new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()));
        await using var app = await stage.StartAppAsync();
        var back = new List<double>();
        for (var outage = 1; outage <= ChaosSettings.Outages; outage++)
        {
            await using var load = ChaosLoad.Start(app.BaseAddress, stage.Tally);
            await Task.Delay(ChaosSettings.LoadBeforeFault);
            await postgres.StopAsync();
            await Task.Delay(Outage);
            await postgres.StartAgainAsync();
            back.Add(await ServingAgainAsync(app));
            await Task.Delay(ChaosSettings.LoadBeforeFault);
            await load.StopAsync();
        }

        Assert.True(stage.Tally.Unavailable > 0, "no 503 while PostgreSQL was down: the outage did not happen under load");
        await stage.ReportAsync("postgres outage", app, string.Create(CultureInfo.InvariantCulture,
            $"{ChaosSettings.Outages} outages of {Outage.TotalSeconds:0} s, /health 200 again in max {back.Max():0.0} s after the start"));
    }

    /// <summary>Seconds until /health answers 200 again.</summary>
    private static async Task<double> ServingAgainAsync(TestApp app)
    {
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.GetAsync(async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK ? "back" : null,
            TimeSpan.FromSeconds(60), "the app to serve again once PostgreSQL is back");
        return clock.Elapsed.TotalSeconds;
    }
}
