using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Workflows;

/// <summary>GET /api/v1/workflows: each definition with its published versions (staff only).</summary>
public static class ListWorkflows
{
    public sealed record VersionView(int Version, string ContentHash, DateTimeOffset PublishedAt, string PublishedAtJalali, string PublishedBy, string Source);

    public sealed record WorkflowView(string Id, string Name, int LatestVersion, IReadOnlyList<VersionView> Versions);

    public static RouteGroupBuilder MapWorkflows(this RouteGroupBuilder api)
    {
        api.MapGet("/workflows", Handle).RequireAuthorization(Http.Policies.Staff).WithTags("Workflows");
        api.MapGet("/workflows/{id}/versions/{version:int}", async (string id, int version, SkedDbContext db, CancellationToken ct) =>
        {
            var stored = await db.DefinitionVersions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == id && d.Version == version, ct);
            return stored is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Catalogue.Render(DefinitionErrors.VersionNotFound, version, id))
                : Results.Text(stored.Content, "application/json");
        }).RequireAuthorization(Http.Policies.Staff).WithTags("Workflows");
        return api;
    }

    private static async Task<IResult> Handle(SkedDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.DefinitionVersions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.ContentHash, d.PublishedAt, d.PublishedBy, d.Source })
            .ToListAsync(cancellationToken);
        var views = versions.GroupBy(v => v.DefinitionId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(v => v.Version).ToList();
                return new WorkflowView(g.Key, ordered[^1].Name, ordered[^1].Version,
                    ordered.Select(v => new VersionView(v.Version, v.ContentHash, v.PublishedAt, JalaliDate.Format(v.PublishedAt), v.PublishedBy, v.Source)).ToList());
            })
            .ToList();
        return Results.Ok(views);
    }
}
