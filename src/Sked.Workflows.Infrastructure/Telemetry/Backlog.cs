using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Telemetry;

/// <summary>
/// The work waiting behind the requests: messages the outbox has not delivered and timers that are
/// due but not fired, each with the age of its oldest. Both read an index range (status, time).
/// </summary>
public sealed record Backlog(int OutboxPending, TimeSpan OutboxOldest, int TimersDue, TimeSpan TimersOldest)
{
    public static Backlog None { get; } = new(0, TimeSpan.Zero, 0, TimeSpan.Zero);

    public static async Task<Backlog> ReadAsync(SkedDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Pending but not yet available (a retry waiting for its back-off) is not late.
        var outbox = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.AvailableAt <= now);
        var timers = db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now);
        var outboxOldest = await outbox.OrderBy(m => m.AvailableAt).Select(m => (DateTimeOffset?)m.AvailableAt).FirstOrDefaultAsync(cancellationToken);
        var timersOldest = await timers.OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
        return new Backlog(
            outboxOldest is null ? 0 : await outbox.CountAsync(cancellationToken),
            outboxOldest is { } o ? now - o : TimeSpan.Zero,
            timersOldest is null ? 0 : await timers.CountAsync(cancellationToken),
            timersOldest is { } t ? now - t : TimeSpan.Zero);
    }
}
