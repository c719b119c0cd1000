using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>
/// An admin loads holidays and closures from a CSV file (<see cref="CalendarCsv"/>): a holiday on a day
/// that has one replaces it, a closure already listed is not added twice. One audit event for the file.
/// POST /api/v1/calendar/import (Admin, text/csv) and the page's upload call it; GET /api/v1/calendar/export
/// gives the file back.
/// </summary>
public static class ImportCalendar
{
    public sealed record Response(int Holidays, int Closures, int Version, int DeadlinesMoved);

    public sealed class Handler(CalendarEditor editor)
    {
        public async Task<(Response? Imported, string? Error)> HandleAsync(string csv, Actor admin, CancellationToken cancellationToken)
        {
            var (rows, error) = CalendarCsv.Read(csv);
            if (error is not null)
            {
                return (null, error);
            }

            var holidays = rows.Where(r => r.Kind == "holiday").ToList();
            var closures = rows.Where(r => r.Kind == "closure").ToList();
            var edit = await editor.ChangeAsync(async (db, version, now) =>
            {
                var dates = holidays.Select(h => h.From).ToList();
                var existing = await db.CalendarHolidays.Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, cancellationToken);
                foreach (var row in holidays.DistinctBy(h => h.From))
                {
                    if (existing.TryGetValue(row.From, out var holiday))
                    {
                        (holiday.Title, holiday.Confirmed) = (row.Title, row.Confirmed);
                    }
                    else
                    {
                        db.CalendarHolidays.Add(new CalendarHoliday { Date = row.From, Title = row.Title, Confirmed = row.Confirmed });
                    }
                }

                var listed = await db.CalendarClosures.Select(c => new { c.From, c.To }).ToListAsync(cancellationToken);
                foreach (var row in closures.Where(r => !listed.Exists(c => c.From == r.From && c.To == r.To)))
                {
                    db.CalendarClosures.Add(new CalendarClosure { From = row.From, To = row.To, Reason = row.Title, AddedBy = admin.Name, AddedAt = now });
                }

                return [new CalendarImported(holidays.Count, closures.Count, version)];
            }, DeadlineReasons.Calendar, null, admin, cancellationToken);
            return (new Response(holidays.Count, closures.Count, edit.Calendar.Version, edit.DeadlinesMoved), null);
        }
    }

    public static RouteGroupBuilder MapImportCalendar(this RouteGroupBuilder calendar)
    {
        calendar.MapPost("/import", async (HttpContext http, Handler handler, CancellationToken ct) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var (imported, error) = await handler.HandleAsync(await reader.ReadToEndAsync(ct), http.Member(), ct);
                return imported is not null ? Results.Ok(imported) : ApiResults.Invalid("file", error!);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>("text/csv")
            .Produces<Response>();
        calendar.MapGet("/export", (CurrentCalendar current) =>
                Results.Text(CalendarCsv.Write(current.Value.Holidays, current.Value.Closures), "text/csv; charset=utf-8"))
            .AllowAnonymous();
        return calendar;
    }
}
