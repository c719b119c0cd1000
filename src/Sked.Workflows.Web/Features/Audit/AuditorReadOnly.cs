using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// An auditor reads and changes nothing: every request that could write (any method but GET, HEAD,
/// OPTIONS) from a signed-in Auditor is refused with 403 before it reaches an endpoint — whatever the
/// endpoint's own policy, so a new write endpoint cannot forget it. Signing in and out, refreshing a
/// token and the staff screens' live connection stay open: they are how an auditor comes to read (the
/// screens themselves offer an auditor nothing that writes, and the services check roles again).
/// </summary>
public static class AuditorReadOnly
{
    private static readonly string[] SignIn = ["/login", "/refresh", "/staff/login", "/staff/logout"];

    public static WebApplication UseAuditorReadOnly(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (MayWrite(context.Request.Method) && context.User.IsInRole(Roles.Auditor)
                && !SignIn.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
                && !context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Domain.Text.Catalogue.Render(AuditSearchErrors.AuditorReadOnly))
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool MayWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}
