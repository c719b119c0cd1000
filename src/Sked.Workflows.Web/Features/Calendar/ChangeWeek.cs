using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Calendar;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>An admin changes the working week (e.g. Thursday as a half day) or the office hours; audited, pending deadlines move.</summary>
public static class ChangeWeek
{
    public sealed record Request(WeeklyPattern Week, WorkingHours Hours);

    public sealed class Handler(CalendarEditor editor)
    {
        /// <summary>The calendar edit, or the sentence that refuses it.</summary>
        public async Task<(CalendarEdit? Edit, string? Error)> HandleAsync(Request request, Actor admin, CancellationToken cancellationToken)
        {
            if (!request.Hours.IsValid)
            {
                return (null, Catalogue.Render(CalendarTexts.HoursInvalid));
            }

            if (request.Week.SaturdayFirst.All(d => d == DayKind.Off))
            {
                return (null, Catalogue.Render(CalendarTexts.WeekInvalid));
            }

            var edit = await editor.ChangeAsync(async (db, version, _) =>
            {
                var settings = await db.CalendarSettings.SingleAsync(cancellationToken);
                var before = (settings.Week, Hours: Text(new WorkingHours(settings.Opens, settings.Closes, settings.HalfDayCloses)));
                var after = (Week: request.Week.ToCode(), Hours: Text(request.Hours));
                if (before == after)
                {
                    return [];
                }

                settings.Week = after.Week;
                (settings.Opens, settings.Closes, settings.HalfDayCloses) = (request.Hours.Opens, request.Hours.Closes, request.Hours.HalfDayCloses);
                return [new CalendarWeekChanged(before.Week, after.Week, before.Hours, after.Hours, version)];
            }, DeadlineReasons.Calendar, null, admin, cancellationToken);
            return (edit, null);
        }
    }

    /// <summary>07:30-14:30/11:00: opens, closes and a half day's close, as the audit records them.</summary>
    private static string Text(WorkingHours hours) => string.Create(CultureInfo.InvariantCulture,
        $"{hours.Opens:HH:mm}-{hours.Closes:HH:mm}/{hours.HalfDayCloses:HH:mm}");
}
