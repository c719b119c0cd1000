using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Calendar;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>An admin adds a holiday, renames one, or confirms a computed lunar holiday (or moves it: remove and add); audited.</summary>
public static class SaveHoliday
{
    public sealed record Request(string? Date, string? Title, bool Confirmed);

    public sealed class Handler(CalendarEditor editor)
    {
        public async Task<(CalendarEdit? Edit, string? Error)> HandleAsync(Request request, Actor admin, CancellationToken cancellationToken)
        {
            if (!JalaliDate.TryParseDay(request.Date, out var date))
            {
                return (null, Catalogue.Render(CalendarTexts.DateInvalid));
            }

            var title = PersianText.Normalize(request.Title);
            if (title.Length is 0 or > 200)
            {
                return (null, Catalogue.Render(CalendarTexts.TitleRequired));
            }

            var edit = await editor.ChangeAsync(async (db, version, _) =>
            {
                var holiday = await db.CalendarHolidays.SingleOrDefaultAsync(h => h.Date == date, cancellationToken);
                if (holiday is not null && holiday.Title == title && holiday.Confirmed == request.Confirmed)
                {
                    return [];
                }

                var titleBefore = holiday?.Title;
                if (holiday is null)
                {
                    db.CalendarHolidays.Add(new CalendarHoliday { Date = date, Title = title, Confirmed = request.Confirmed });
                }
                else
                {
                    (holiday.Title, holiday.Confirmed) = (title, request.Confirmed);
                }

                return [new HolidaySaved(GetCalendar.Iso(date), title, request.Confirmed, titleBefore, version)];
            }, DeadlineReasons.Calendar, title, admin, cancellationToken);
            return (edit, null);
        }
    }
}
