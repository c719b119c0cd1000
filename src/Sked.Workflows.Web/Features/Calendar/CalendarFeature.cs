using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>The working calendar: read by anyone, edited by administrators (API and staff page call the same handlers).</summary>
public static class CalendarFeature
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<GetCalendar.Handler>();
        services.AddSingleton<AddClosure.Handler>();
        services.AddSingleton<ChangeWeek.Handler>();
        services.AddSingleton<SaveHoliday.Handler>();
        services.AddSingleton<RemoveCalendarDay.Handler>();
        services.AddSingleton<ImportCalendar.Handler>();
        return services;
    }

    /// <summary>GET /calendar?year=, GET /calendar/export (anyone); POST /calendar/closures and /calendar/import (Admin).</summary>
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGetCalendar().MapAddClosure().MapImportCalendar();
        return api;
    }
}
