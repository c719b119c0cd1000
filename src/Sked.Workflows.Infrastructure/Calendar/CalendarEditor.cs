using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Calendar;

/// <summary>
/// The one way the working calendar changes: the edit runs in a transaction with the calendar's next
/// version and returns its audit events (written in the same transaction); then the cache is reloaded
/// and the pending deadlines are counted again on the new calendar.
/// </summary>
public sealed class CalendarEditor(IDbContextFactory<SkedDbContext> dbFactory, CurrentCalendar calendar, DeadlineMover mover, TimeProvider time)
{
    /// <summary>
    /// <paramref name="edit"/> changes the rows for the next version (at the given instant) and returns what to audit; an empty list
    /// means nothing changed (nothing is saved). <paramref name="reason"/> is what moved deadlines cite.
    /// </summary>
    public async Task<CalendarEdit> ChangeAsync(Func<SkedDbContext, int, DateTimeOffset, Task<IReadOnlyList<AuditEventData>>> edit, string reason, string? detail,
        Actor actor, CancellationToken cancellationToken)
    {
        var before = calendar.Value;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var settings = await db.CalendarSettings.SingleAsync(cancellationToken);
            var version = settings.Version + 1;
            var now = time.GetUtcNow();
            var events = await edit(db, version, now);
            if (events.Count == 0)
            {
                return new CalendarEdit(before, 0);
            }

            settings.Version = version;
            foreach (var data in events)
            {
                db.AuditEvents.Add(new AuditEvent(data, actor.Name) { At = now, ClientAddress = actor.ClientAddress });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await calendar.ReloadAsync(cancellationToken);
        var moved = await mover.MoveAsync(before, calendar.Value, reason, detail, actor, cancellationToken);
        return new CalendarEdit(calendar.Value, moved);
    }
}

/// <summary>The calendar after an edit and how many pending deadlines it moved.</summary>
public sealed record CalendarEdit(WorkingCalendar Calendar, int DeadlinesMoved);
