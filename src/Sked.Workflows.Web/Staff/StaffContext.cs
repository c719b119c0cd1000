using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
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
    /// Identity's standard endpoints: POST /login (bearer token; the "email" field takes the user
    /// name), /refresh, /manage/info. Self-registration is closed: an admin creates staff.
    /// </summary>
    public static WebApplication MapStaffLogin(this WebApplication app)
    {
        string[] closed = ["/register", "/confirmEmail", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword"];
        app.MapIdentityApi<StaffUser>()
            .AddEndpointFilter(async (context, next) =>
                closed.Any(p => context.HttpContext.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                    ? Results.NotFound()
                    : await next(context))
            .WithTags("Staff login");
        return app;
    }
}
