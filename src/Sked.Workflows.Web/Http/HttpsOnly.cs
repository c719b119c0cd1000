using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// A deployment behind TLS (<c>Https:Enabled</c>, on by default in Production): the staff cookie and
/// the antiforgery cookie are sent over HTTPS only, and browsers are told by HSTS to use nothing else
/// for a year. Behind a proxy that terminates TLS, the proxy's <c>X-Forwarded-Proto</c> (believed from
/// the trusted proxies only, <see cref="ClientAddress"/>) tells the app the request came over HTTPS.
/// A loopback trial over plain HTTP (scripts/cluster.sh, docker-compose.yml) sets it to false.
/// </summary>
public static class HttpsOnly
{
    private static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Https:Enabled", environment.IsProduction());

    public static IHostApplicationBuilder AddHttpsOnly(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        builder.Services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseHttpsOnly(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
        {
            // Sent on HTTPS answers only (the middleware's own rule), after the forwarded scheme is known.
            app.UseHsts();
        }

        return app;
    }
}
