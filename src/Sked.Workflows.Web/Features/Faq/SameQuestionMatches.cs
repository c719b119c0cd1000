using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// GET /api/v1/faq/same-as/{trackingCode}, and the task page's "probably the same as …": for a public CEO
/// question, the entries (published ones and earlier public questions kept unpublished) the system
/// holds to ask the same, best first; or the entry the question was already counted on.
/// </summary>
public static class SameQuestionMatches
{
    public const int Shown = 3;

    public sealed record Match(Guid Id, string Question, string Answer, bool Published, int Repeats, double Score);

    /// <summary><paramref name="Applies"/>: the case is a public CEO question; <paramref name="CountedOn"/>: the entry it already counts on.</summary>
    public sealed record Response(bool Applies, Match? CountedOn, IReadOnlyList<Match> Matches);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, IConfiguration configuration)
    {
        public async Task<Response?> HandleAsync(string trackingCode, StaffMember member, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == trackingCode, cancellationToken);
            if (@case is null || !FaqCurators.May(member))
            {
                return null;
            }

            if (@case.Type != CaseTypes.CeoQuestion || @case.AnswerType != AnswerTypes.Public)
            {
                return new Response(false, null, []);
            }

            var counted = await db.FaqRepeats.AsNoTracking().Where(r => r.CaseId == @case.Id)
                .Join(db.Faq, r => r.FaqEntryId, f => f.Id, (_, f) => f).SingleOrDefaultAsync(cancellationToken);
            if (counted is not null)
            {
                return new Response(true, new Match(counted.Id, counted.Question, counted.Answer, counted.PublishedAt is not null, counted.Repeats, 1), []);
            }

            var threshold = configuration.GetValue("Faq:SameQuestionThreshold", 0.6);
            var found = await index.SimilarAsync(@case.Subject, Shown, threshold, includeUnpublished: true, cancellationToken);
            var same = found.Where(m => m.SameQuestion).ToList();
            var ids = same.Select(m => m.Id).ToList();
            var repeats = await db.Faq.AsNoTracking().Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => f.Repeats, cancellationToken);
            return new Response(true, null, [.. same.Where(m => repeats.ContainsKey(m.Id))
                .Select(m => new Match(m.Id, m.Question, m.Answer, m.Published, repeats[m.Id], m.Score))]);
        }
    }

    public static RouteGroupBuilder MapSameQuestionMatches(this RouteGroupBuilder api)
    {
        api.MapGet("/faq/same-as/{trackingCode}", async (string trackingCode, HttpContext http, Handler handler, CancellationToken ct) =>
            await handler.HandleAsync(trackingCode, Staff.StaffContext.Member(http), ct) is { } response ? Results.Ok(response) : Results.NotFound())
            .RequireCurator()
            .WithTags("FAQ")
            .Produces<Response>();
        return api;
    }
}
