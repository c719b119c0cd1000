using System.Diagnostics;
using System.Globalization;
using Sked.Workflows.Cluster.Tests;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// kill -9 of the app, as a process of its own, in the middle of citizens submitting and tracking and the
/// e-desk routing, round after round on the same database; then one more start, and the counts.
/// </summary>
public sealed class KillUnderLoadTests(TestDatabases databases)
{
    private const int WarmedUp = 5;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task KillNineUnderLoad_RoundAfterRound_LosesDoublesAndStrandsNothing(Store store)
    {
        await using var stage = await ChaosStage.SetUpAsync(databases, await databases.CreateAsync(store));
        // Where in the load each kill lands varies, the same way on every run.
        var random = new Random(16);
        var healthBack = new List<double>();
        for (var round = 1; round <= ChaosSettings.Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await using var node = await NodeProcess.StartAsync($"round-{round}", stage.ProcessSettings(), stage.Folder);
            // The first start creates the database; every later one is a restart after a kill.
            if (round > 1)
            {
                healthBack.Add(clock.Elapsed.TotalSeconds);
            }

            await using var load = ChaosLoad.Start(node.Address, stage.Tally);
            // Under load: the fresh process has taken a few cases and a completion (its first requests wait for the JIT) before the kill.
            await load.UnderWayAsync(WarmedUp, TimeSpan.FromSeconds(60));
            await Task.Delay(ChaosSettings.LoadBeforeFault * (0.2 + (0.8 * random.NextDouble())));
            node.KillHard();
            await load.StopAsync();
        }

        await using var app = await StartAgainAsync(stage, healthBack);
        await stage.ReportAsync($"kill -9 {store}", app, string.Create(CultureInfo.InvariantCulture,
            $"{ChaosSettings.Rounds} rounds, /health back after a kill (process start included) in median {Median(healthBack):0.0} s, max {healthBack.Max():0.0} s"));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The start after the last kill, in this process, so the counts can read the database through the app.</summary>
    private static async Task<TestApp> StartAgainAsync(ChaosStage stage, List<double> healthBack)
    {
        var clock = Stopwatch.StartNew();
        var app = await stage.StartAppAsync();
        healthBack.Add(clock.Elapsed.TotalSeconds);
        return app;
    }
}
