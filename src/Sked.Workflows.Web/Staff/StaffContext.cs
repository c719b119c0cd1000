using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Identity;

namespace Sked.Workflows.Web.Staff;

/// <summary>Reads the signed-in member (roles, department, address) from the request.</summary>
public static class StaffContext
{
    public static StaffMember Member(this HttpContext context)
    {
        var user = context.User;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new StaffMember(
            user.Identity?.Name ?? "unknown",
            roles,
            user.FindFirst(StaffClaimsFactory.DepartmentClaim)?.Value,
            context.Connection.RemoteIpAddress?.ToString());
    }

    public static Actor Actor(this HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.Member() : Domain.Staff.Actor.Citizen(context.Connection.RemoteIpAddress?.ToString());

    /// <summary>
    /// Identity's standard endpoints, of which only POST /login (bearer token; the "email" field takes
    /// the user name) and /refresh are open. Self-registration, password reset by mail and /manage are
    /// closed (404) and left out of the OpenAPI document: an admin creates staff and their accounts
    /// have no e-mail. Logins count against the login limit (PortalRegistration.LimitFor).
    /// </summary>
    public static WebApplication MapStaffLogin(this WebApplication app)
    {
        string[] open = ["/login", "/refresh"];
        var identity = app.MapIdentityApi<StaffUser>();
        identity.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && !open.Contains(route.RoutePattern.RawText, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
            }
        });
        identity.AddEndpointFilter(async (context, next) =>
            {
                if (!open.Any(p => context.HttpContext.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
                {
                    return Results.NotFound();
                }

                // Identity would pass a null name or password on and fail with a 500.
                return context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { } login && (login.Email is null || login.Password is null)
                    ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Domain.Text.Catalogue.Render(Http.HttpTexts.LoginFieldsRequired))
                    : await next(context);
            })
            .WithTags("Staff login");
        return app;
    }
}
