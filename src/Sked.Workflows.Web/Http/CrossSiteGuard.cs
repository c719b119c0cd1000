using Microsoft.Net.Http.Headers;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// A browser sends the staff cookie with a form or script another site makes it send; SameSite=Lax
/// stops most of that, not all (a sibling subdomain counts as the same site). A state-changing API
/// call that signs in with the cookie (not a bearer token) must come from this site's own pages:
/// the browser's Sec-Fetch-Site and Origin headers say where it came from. Clients that are not
/// browsers send neither header and use bearer tokens anyway.
/// </summary>
public static class CrossSiteGuard
{
    public static WebApplication UseCrossSiteGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsForeignCookieWrite(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Domain.Text.Catalogue.Render(HttpTexts.CrossSiteRefused))
                    .ExecuteAsync(context);
                return;
            }

            await next();
        });
        return app;
    }

    private static bool IsForeignCookieWrite(HttpContext context)
    {
        var request = context.Request;
        if (context.User.Identity?.IsAuthenticated != true || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase));
    }
}
