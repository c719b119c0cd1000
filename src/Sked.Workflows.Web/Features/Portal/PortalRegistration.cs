using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Web.Features.Portal;

/// <summary>
/// The citizen portal: statically rendered Razor pages with plain form posts (no live connection
/// per visitor), antiforgery on every form, and the submission and lookup limits on their posts.
/// </summary>
public static class PortalRegistration
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        // Persian text is written as text, not as a page of numeric character references.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddScoped<PortalSubmitter>();
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section));
        return builder;
    }

    /// <summary>Page posts share the API's per-client limits: forms count as submissions, /track as lookups.</summary>
    public static string? LimitFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = request.Path;
        // The staff login form and the API's login are limited on their own, so a busy office's morning logins and the
        // citizens behind the same address do not use up each other's allowance.
        if (path.StartsWithSegments("/staff/login", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/refresh", StringComparison.OrdinalIgnoreCase))
        {
            return Http.WebApiRegistration.LoginLimit;
        }

        // API and Open311 endpoints carry their own limits. The staff's live connections (every page
        // load posts to /_blazor) and their signed-in screens are not citizens' form posts.
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/designer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return path.StartsWithSegments("/track", StringComparison.OrdinalIgnoreCase) ? Http.WebApiRegistration.TrackingLimit : Http.WebApiRegistration.SubmissionLimit;
    }

    /// <summary>Pages may show map tiles from the configured tile server; nothing else comes from outside.</summary>
    public static string ContentSecurityPolicy(IServiceProvider services)
    {
        var tiles = services.GetRequiredService<IOptions<PortalOptions>>().Value.TileOrigin;
        return $"default-src 'self'; img-src 'self' data: {tiles}; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
