using System.Diagnostics;
using System.Globalization;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// The disk under the SQLite file runs full under load: the app answers 503 with Retry-After (not 500)
/// while it is full, loses nothing it accepted, and takes submissions again once space is back — without
/// a restart. The database sits on a small tmpfs of its own (root only; skipped otherwise).
/// </summary>
public sealed class DiskFullTests(TestDatabases databases)
{
    private static readonly TimeSpan Full = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task SqliteDiskFullUnderLoad_Answers503WithRetryAfter_LosesNothing_AndRecoversWhenSpaceReturns()
    {
        var (disk, why) = await SmallDisk.MountAsync(Path.Combine(databases.NewFolder(), "disk"), megabytes: 32);
        Assert.SkipWhen(disk is null, $"the disk-full fault needs a tmpfs: {why}");
        await using var mounted = disk;
        await using var stage = await ChaosStage.SetUpAsync(databases, new DatabaseTarget(Store.Sqlite, $"Data Source={Path.Combine(disk.Folder, "sked.db")}"));
        await using var app = await stage.StartAppAsync();
        await using var load = ChaosLoad.Start(app.BaseAddress, stage.Tally);
        await Task.Delay(ChaosSettings.LoadBeforeFault);

        var filled = disk.Fill();
        await Task.Delay(Full);
        var unavailableWhileFull = stage.Tally.Unavailable;
        var acceptedBeforeFree = stage.Tally.Accepted.Count;
        disk.Free();
        var clock = Stopwatch.StartNew();
        await Eventually.GetAsync(() => Task.FromResult(stage.Tally.Accepted.Count > acceptedBeforeFree ? "accepting" : null),
            TimeSpan.FromSeconds(30), "a submission accepted again once the disk has space");
        var recovered = clock.Elapsed.TotalSeconds;
        await Task.Delay(ChaosSettings.LoadBeforeFault);
        await load.StopAsync();

        Assert.True(unavailableWhileFull > 0, $"no 503 in {Full.TotalSeconds:0} s of a full disk: the writes never reached it");
        await stage.ReportAsync("disk full SQLite", app, string.Create(CultureInfo.InvariantCulture,
            $"full for {Full.TotalSeconds:0} s (filler {filled / 1024 / 1024} MB), {unavailableWhileFull} × 503 while full, accepting again {recovered:0.0} s after space returned"));
    }
}
