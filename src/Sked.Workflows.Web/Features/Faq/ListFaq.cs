using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>GET /api/v1/faq: the published questions with their answers (never the alternative wordings, which may be citizens' own).</summary>
public static class ListFaq
{
    public sealed record FaqView(Guid Id, string Question, string Answer, string? Category, int Repeats, DateTimeOffset PublishedAt);

    public static RouteGroupBuilder MapFaq(this RouteGroupBuilder api)
    {
        api.MapGet("/faq", async (SkedDbContext db, CancellationToken ct) =>
        {
            var entries = await db.Faq.AsNoTracking().Where(f => f.PublishedAt != null).ToListAsync(ct);
            return entries.OrderByDescending(f => f.Repeats)
                .Select(f => new FaqView(f.Id, f.Question, f.Answer, f.Category, f.Repeats, f.PublishedAt!.Value))
                .ToList();
        }).WithTags("FAQ");
        return api;
    }
}
