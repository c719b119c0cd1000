using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Telemetry;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>
/// Waits until the app has sent what the demo seeding left for after commit (about eight outbox messages per
/// case) and fired its due timers, as a working office's app has. Right after seeding 300 cases the
/// outbox holds thousands of messages, and on SQLite every login's writes wait behind them; a timing taken
/// then measures the seeding, not the screen (docs/performance.md, "Staff login to a visible inbox").
/// </summary>
public static class DemoSettled
{
    public static async Task WaitAsync(TestApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var time = app.Service<TimeProvider>();
        await Eventually.GetAsync(
            async () => await Backlog.ReadAsync(db, time.GetUtcNow(), CancellationToken.None) is { OutboxPending: 0, TimersDue: 0 } ? "settled" : null,
            TimeSpan.FromMinutes(5), "the demo's outbox and timers");
    }
}
