using Microsoft.AspNetCore.Diagnostics;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// The database cannot serve for now (<see cref="DatabaseUnavailable"/>): 503 with Retry-After instead
/// of a 500, for the API and Open311 in their shapes and for a citizen as a Persian "try again in a
/// minute" page. The request's transaction rolled back, so nothing half-done is left; a citizen who
/// goes back finds the form as they typed it (the browser keeps it), and their earlier cases are safe.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan ComeBackAfter = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception))
        {
            return false;
        }

        // One line, no stack trace: an outage is an operator's alert (health and metrics), not a bug.
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        RetryAfter.Set(httpContext.Response, ComeBackAfter);
        await ErrorAnswer.For(httpContext, StatusCodes.Status503ServiceUnavailable,
            Catalogue.Render(HttpTexts.Unavailable), Catalogue.Render(HttpTexts.UnavailableDetail)).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
