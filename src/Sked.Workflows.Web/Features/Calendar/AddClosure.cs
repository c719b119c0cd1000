using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>
/// An admin closes the offices for whole days (a heat closure): from–to as ISO yyyy-MM-dd or Jalali
/// yyyy/MM/dd, and a reason the citizen reads where a promised date moves. Audited; the pending
/// deadlines it covers move. POST /api/v1/calendar/closures (Admin) and the calendar page call it.
/// </summary>
public static class AddClosure
{
    public sealed record Request(string? From, string? To, string? Reason);

    public sealed record Response(GetCalendar.ClosureView Closure, int Version, int DeadlinesMoved);

    public sealed class Handler(CalendarEditor editor)
    {
        public async Task<(Response? Added, IReadOnlyDictionary<string, string>? Errors)> HandleAsync(Request request, Actor admin, CancellationToken cancellationToken)
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var hasFrom = JalaliDate.TryParseDay(request.From, out var from);
            var hasTo = JalaliDate.TryParseDay(string.IsNullOrWhiteSpace(request.To) ? request.From : request.To, out var to);
            var reason = PersianText.Normalize(request.Reason);
            if (!hasFrom)
            {
                errors["from"] = Catalogue.Render(CalendarTexts.DateInvalid);
            }

            if (!hasTo)
            {
                errors["to"] = Catalogue.Render(CalendarTexts.DateInvalid);
            }
            else if (hasFrom && (to < from || to.DayNumber - from.DayNumber > 60))
            {
                errors["to"] = Catalogue.Render(CalendarTexts.RangeInvalid);
            }

            if (reason.Length is 0 or > 500)
            {
                errors["reason"] = Catalogue.Render(CalendarTexts.ReasonRequired);
            }

            if (errors.Count > 0)
            {
                return (null, errors);
            }

            var edit = await editor.ChangeAsync((db, version, now) =>
            {
                db.CalendarClosures.Add(new CalendarClosure { From = from, To = to, Reason = reason, AddedBy = admin.Name, AddedAt = now });
                return Task.FromResult<IReadOnlyList<AuditEventData>>([new ClosureAdded(GetCalendar.Iso(from), GetCalendar.Iso(to), reason, version)]);
            }, DeadlineReasons.Closure, reason, admin, cancellationToken);
            var view = new GetCalendar.ClosureView(GetCalendar.Iso(from), GetCalendar.Iso(to), JalaliDate.FormatAscii(from), JalaliDate.FormatAscii(to), reason);
            return (new Response(view, edit.Calendar.Version, edit.DeadlinesMoved), null);
        }
    }

    public static RouteGroupBuilder MapAddClosure(this RouteGroupBuilder calendar)
    {
        calendar.MapPost("/closures", async (Request request, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var (added, errors) = await handler.HandleAsync(request, http.Member(), ct);
                return added is not null
                    ? Results.Created("/api/v1/calendar", added)
                    : Results.ValidationProblem(errors!.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal));
            })
            .RequireAuthorization(Policies.Admin)
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return calendar;
    }
}
