using System.Globalization;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>
/// GET /api/v1/calendar?year=1405 (anyone): the working week, office hours, the official holidays and the
/// closures of a Jalali year (this year when none is given), every day in ISO and Jalali. The admin page
/// shows the same view.
/// </summary>
public static class GetCalendar
{
    public sealed record DayView(string Day, string Kind);

    public sealed record HoursView(string Opens, string Closes, string HalfDayCloses, string TimeZone);

    public sealed record HolidayView(string Date, string Jalali, string Title, bool Confirmed);

    public sealed record ClosureView(string From, string To, string FromJalali, string ToJalali, string Reason);

    public sealed record Response(int Year, int Version, IReadOnlyList<DayView> Weekly, HoursView Hours,
        IReadOnlyList<HolidayView> Holidays, IReadOnlyList<ClosureView> Closures);

    public sealed class Handler(CurrentCalendar calendar, TimeProvider time)
    {
        public Response Handle(int? year)
        {
            var current = calendar.Value;
            var jalaliYear = year ?? JalaliDate.Parts(time.GetUtcNow()).Year;
            var (first, last) = JalaliDate.Year(jalaliYear);
            return new Response(jalaliYear, current.Version,
                [.. WeeklyPattern.Week.Select(d => new DayView(d.ToString().ToLowerInvariant(), current.Weekly[d].ToString().ToLowerInvariant()))],
                new HoursView(Time(current.Hours.Opens), Time(current.Hours.Closes), Time(current.Hours.HalfDayCloses), "Asia/Tehran"),
                [.. current.Holidays.Where(h => h.Date >= first && h.Date <= last).OrderBy(h => h.Date)
                    .Select(h => new HolidayView(Iso(h.Date), JalaliDate.FormatAscii(h.Date), h.Title, h.Confirmed))],
                [.. current.Closures.Where(c => c.To >= first && c.From <= last)
                    .Select(c => new ClosureView(Iso(c.From), Iso(c.To), JalaliDate.FormatAscii(c.From), JalaliDate.FormatAscii(c.To), c.Reason))]);
        }
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static RouteGroupBuilder MapGetCalendar(this RouteGroupBuilder calendar)
    {
        calendar.MapGet("/", (int? year, Handler handler) => year is < 1300 or > 1500
                ? ApiResults.Invalid("year", Domain.Text.Catalogue.Render(CalendarTexts.DateInvalid))
                : Results.Ok(handler.Handle(year)))
            .AllowAnonymous()
            .Produces<Response>();
        return calendar;
    }
}
