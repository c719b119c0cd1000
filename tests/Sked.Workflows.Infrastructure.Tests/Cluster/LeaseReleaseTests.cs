using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Cluster;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Tests.Notifications;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Cluster;

/// <summary>
/// A node stopping while its database cannot be written (PostgreSQL down, SQLite's disk full) cannot let its
/// single-node leases go; that is logged, the lease runs out by itself, and no background work fails — a
/// background service that throws stops the whole app. Its own server, since the test stops it.
/// </summary>
public sealed class LeaseReleaseTests
{
    [Fact]
    public async Task StoppingWhilePostgresIsDown_LetsTheLeasesRunOut_AndFailsNoBackgroundWork()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var op = await KavenegarStandIn.StartNewAsync();
        var errors = new ErrorLog();
        var app = await TestApp.StartAsync(new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()),
            settings: op.Settings(), configure: b => b.Logging.AddProvider(errors));
        var lease = app.Service<SingletonLease>();
        await Eventually.GetAsync(() => lease.HolderOfAsync(SmsStatusPoller.LeaseName, CancellationToken.None),
            TimeSpan.FromSeconds(30), "the node to take the delivery-report lease");

        await postgres.StopAsync();
        await app.DisposeAsync();

        Assert.DoesNotContain(errors.Lines, line => line.Contains("BackgroundService failed", StringComparison.Ordinal));
    }
}
