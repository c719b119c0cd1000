using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Tests.Notifications;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// Counts what a fault left behind (<see cref="ChaosCounts"/>) in the database of a recovered app and at
/// the SMS operator, giving the app a short while to catch up (deliver its outbox, fire its due timers).
/// </summary>
public static class ChaosAftermath
{
    /// <summary>How late a pending timer may be and still count as on its way (a killed node's lease runs out first).</summary>
    private static readonly TimeSpan TimerGrace = TimeSpan.FromSeconds(10);

    public static async Task<ChaosCounts> SettleAsync(TestApp app, ChaosTally tally, SmsOperatorStandIn op, TimeSpan? wait = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (wait ?? TimeSpan.FromSeconds(45));
        while (true)
        {
            var counts = await CountAsync(app, tally, op);
            if (counts.Settled || TimeProvider.System.GetUtcNow() > deadline)
            {
                return counts;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<ChaosCounts> CountAsync(TestApp app, ChaosTally tally, SmsOperatorStandIn op)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var cases = await db.Cases.Select(c => new { c.TrackingCode, c.Subject }).ToListAsync();
        var stored = cases.Select(c => c.TrackingCode).ToHashSet(StringComparer.Ordinal);
        var accepted = tally.Accepted.ToList();
        var sms = op.Accepted.ToList();
        var overdue = TimeProvider.System.GetUtcNow() - TimerGrace;
        return new ChaosCounts(
            Accepted: accepted.Count,
            Lost: accepted.Count(code => !stored.Contains(code)),
            DuplicatedCases: cases.GroupBy(c => c.Subject, StringComparer.Ordinal).Count(g => g.Count() > 1) + (accepted.Count - accepted.Distinct().Count()),
            DuplicatedTasks: await DuplicatedTasksAsync(db),
            DuplicatedDeliveries: await DuplicatedDeliveriesAsync(db) + sms.GroupBy(s => s.ClientId).Count(g => g.Count() > 1),
            Stuck: await StuckAsync(db),
            Unsent: accepted.Count(code => !sms.Any(s => s.Text.Contains(code, StringComparison.Ordinal)))
                + await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Dead),
            OverdueTimers: await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending && t.DueAt < overdue),
            Unexpected5xx: tally.Unexpected.Count,
            NotFound: tally.NotFound.Distinct().Count());
    }

    /// <summary>Instances with more than one open task: the engine opens one task per step.</summary>
    private static async Task<int> DuplicatedTasksAsync(SkedDbContext db)
    {
        var open = await db.Tasks.Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed).Select(t => t.InstanceId).ToListAsync();
        return open.GroupBy(id => id).Count(g => g.Count() > 1);
    }

    /// <summary>Outbox messages recorded as sent more than once.</summary>
    private static async Task<int> DuplicatedDeliveriesAsync(SkedDbContext db)
    {
        var type = AuditEvents.NameOf<NotificationSent>();
        var sent = await db.AuditEvents.Where(e => e.Type == type).Select(e => e.Data).ToListAsync();
        return sent.Select(d => ((NotificationSent)AuditEvents.Read(type, d)!).Message).GroupBy(m => m).Count(g => g.Count() > 1);
    }

    /// <summary>Unfinished instances that wait for nothing: no open task, no pending timer (or parked as an incident).</summary>
    private static async Task<int> StuckAsync(SkedDbContext db)
    {
        var unfinished = await db.Instances.Where(i => i.Status != InstanceStatus.Completed).Select(i => new { i.Id, i.Status }).ToListAsync();
        var withTask = (await db.Tasks.Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed).Select(t => t.InstanceId).ToListAsync()).ToHashSet();
        var withTimer = (await db.Timers.Where(t => t.Status == TimerStatus.Pending).Select(t => t.InstanceId).ToListAsync()).ToHashSet();
        return unfinished.Count(i => i.Status == InstanceStatus.Incident || (!withTask.Contains(i.Id) && !withTimer.Contains(i.Id)));
    }
}
