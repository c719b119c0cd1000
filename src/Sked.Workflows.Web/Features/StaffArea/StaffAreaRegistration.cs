using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Features.StaffArea.Auditing;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.StaffArea;

/// <summary>
/// The staff area under /staff: cookie login on the Identity users, a policy every staff page
/// carries (so an anonymous visitor is redirected before any live connection opens), logout.
/// </summary>
public static class StaffAreaRegistration
{
    public const string StaffPagesPolicy = "StaffPages";

    /// <summary>An auditor signed in on the staff cookie: the audit screens' downloads.</summary>
    public const string StaffAuditorPolicy = "StaffAuditor";

    public static IHostApplicationBuilder AddStaffArea(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/login";
            o.AccessDeniedPath = "/staff/denied";
            o.Cookie.Name = "sked.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(StaffPagesPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireRole(Roles.All.ToArray()))
            .AddPolicy(StaffAuditorPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(Roles.Auditor));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<StaffSession>();
        builder.Services.AddScoped<StaffNames>();
        builder.Services.AddScoped<Admin.StaffAdministration>();
        builder.Services.AddScoped<Admin.RoutingRules>();
        builder.Services.AddScoped<Auditing.CaseAuditQuery>();
        builder.Services.AddScoped<Designer.DesignerWorkspace>();
        builder.Services.AddScoped<Auditing.AuditReports>();
        builder.Services.AddScoped<CircuitHandler, StaffCircuitHandler>();
        return builder;
    }

    public static WebApplication MapStaffArea(this WebApplication app)
    {
        app.MapPost("/staff/logout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // The layout's form carries the token; a post without it (another site's page) must not end a session.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Redirect("/staff/login");
        }).RequireAuthorization(StaffPagesPolicy);
        app.MapGet("/staff/attachments/{id:guid}", async (Guid id, HttpContext http, IDbContextFactory<SkedDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            // Someone who may not see the case learns nothing, not even that the file exists.
            return attachment is null || !await Tasks.CaseAccess.CanSeeAsync(db, http.Member(), attachment.CaseId, ct)
                ? Results.NotFound()
                : Results.File(attachment.Content, attachment.ContentType, attachment.FileName);
        }).RequireAuthorization(StaffPagesPolicy);
        app.MapAuditorDownloads();
        return app;
    }
}
