using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Calendar;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>An admin removes a holiday (e.g. a lunar one that moved a day) or a closure; audited, pending deadlines counted again.</summary>
public static class RemoveCalendarDay
{
    public sealed class Handler(CalendarEditor editor)
    {
        public Task<CalendarEdit> RemoveHolidayAsync(DateOnly date, Actor admin, CancellationToken cancellationToken) =>
            editor.ChangeAsync(async (db, version, _) =>
            {
                var holiday = await db.CalendarHolidays.SingleOrDefaultAsync(h => h.Date == date, cancellationToken);
                if (holiday is null)
                {
                    return [];
                }

                db.CalendarHolidays.Remove(holiday);
                return [new HolidayRemoved(GetCalendar.Iso(date), holiday.Title, version)];
            }, DeadlineReasons.Calendar, null, admin, cancellationToken);

        public Task<CalendarEdit> RemoveClosureAsync(DateOnly from, DateOnly to, Actor admin, CancellationToken cancellationToken) =>
            editor.ChangeAsync(async (db, version, _) =>
            {
                var closures = await db.CalendarClosures.Where(c => c.From == from && c.To == to).ToListAsync(cancellationToken);
                db.CalendarClosures.RemoveRange(closures);
                return [.. closures.Select(c => (AuditEventData)new ClosureRemoved(GetCalendar.Iso(c.From), GetCalendar.Iso(c.To), c.Reason, version))];
            }, DeadlineReasons.Calendar, null, admin, cancellationToken);
    }
}
