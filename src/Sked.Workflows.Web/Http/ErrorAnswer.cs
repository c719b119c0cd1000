using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// An error the pipeline itself gives (rate limit, database unavailable), in the shape its client
/// reads: Open311's error array for Open311, a Persian page for a citizen's browser on the portal,
/// ProblemDetails for the API.
/// </summary>
internal static class ErrorAnswer
{
    public static IResult For(HttpContext context, int status, string message, string? detail = null)
    {
        var format = context.GetEndpoint()?.Metadata.GetMetadata<IErrorResponseFormat>();
        if (format is not null)
        {
            return format.Create(status, message);
        }

        return IsPortalPage(context.Request)
            ? Results.Content(Page(message, detail), "text/html; charset=utf-8", statusCode: status)
            : Results.Problem(statusCode: status, title: message, detail: detail);
    }

    // The API, Open311 and the staff screens' calls get data; everything else a browser asked for is a page.
    private static bool IsPortalPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase)
        && (Features.Portal.PortalRegistration.LimitFor(request) is not null
            || request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true));

    private static string Page(string message, string? detail)
    {
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        var paragraph = detail is null ? string.Empty : $"<p>{Encode(detail)}</p>";
        return $"<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{Encode(message)}</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main><h1>{Encode(message)}</h1>{paragraph}"
            + $"<p><a href=\"/\">{Encode(Catalogue.Render(HttpTexts.Back))}</a></p></main></body></html>";
    }
}
