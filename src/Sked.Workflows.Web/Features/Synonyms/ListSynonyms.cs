using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>GET /api/v1/synonyms: the synonym table as it stands, its version and its groups (the term first), for the FAQ's curators.</summary>
public static class ListSynonyms
{
    public sealed record Group(long Id, IReadOnlyList<string> Words, DateTimeOffset UpdatedAt, string UpdatedBy);

    public sealed record Response(int Version, IReadOnlyList<Group> Groups);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<Response?> HandleAsync(StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return null;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var version = await db.SynonymVersion.AsNoTracking().Select(v => v.Version).SingleOrDefaultAsync(cancellationToken);
            var groups = await db.SynonymGroups.AsNoTracking().OrderBy(g => g.Id)
                .Select(g => new Group(g.Id, g.Words, g.UpdatedAt, g.UpdatedBy)).ToListAsync(cancellationToken);
            return new Response(version, groups);
        }
    }

    public static RouteGroupBuilder MapListSynonyms(this RouteGroupBuilder api)
    {
        api.MapGet("/synonyms", async (HttpContext http, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(http.Member(), ct) is { } table ? Results.Ok(table) : Results.Forbid())
            .RequireCurator()
            .WithTags("Synonyms")
            .Produces<Response>();
        return api;
    }
}
