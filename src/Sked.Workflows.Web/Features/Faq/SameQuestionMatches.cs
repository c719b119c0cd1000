using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// GET /api/v1/faq/same-as/{trackingCode}, and the task page's "probably the same as …": for a public CEO
/// question, what the system holds to ask the same, best first: FAQ entries (published, and earlier
/// public questions kept unpublished), then earlier public questions still open; or the entry the
/// question was already counted on.
/// </summary>
public static class SameQuestionMatches
{
    public const int Shown = 3;

    /// <summary>How far back open public questions are compared.</summary>
    private static readonly TimeSpan OpenWithin = TimeSpan.FromDays(90);

    /// <summary>An entry (<paramref name="Id"/>) or an earlier open question (<paramref name="TrackingCode"/>).</summary>
    public sealed record Match(Guid? Id, string? TrackingCode, string Question, string Answer, bool Published, int Repeats, double Score);

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
                return new Response(true, new Match(counted.Id, null, counted.Question, counted.Answer, counted.PublishedAt is not null, counted.Repeats, 1), []);
            }

            var threshold = configuration.GetValue("Faq:SameQuestionThreshold", 0.6);
            List<Match> matches = [.. await EntriesAsync(db, @case.Subject, threshold, cancellationToken)];
            if (matches.Count < Shown)
            {
                matches.AddRange((await OpenQuestionsAsync(db, @case, threshold, cancellationToken)).Take(Shown - matches.Count));
            }

            return new Response(true, null, matches);
        }

        private async Task<IEnumerable<Match>> EntriesAsync(SkedDbContext db, string subject, double threshold, CancellationToken cancellationToken)
        {
            var same = (await index.SimilarAsync(subject, Shown, threshold, includeUnpublished: true, cancellationToken)).Where(m => m.SameQuestion).ToList();
            var ids = same.Select(m => m.Id).ToList();
            var repeats = await db.Faq.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Repeats, cancellationToken);
            return same.Where(m => repeats.ContainsKey(m.Id)).Select(m => new Match(m.Id, null, m.Question, m.Answer, m.Published, repeats[m.Id], m.Score));
        }

        // Public questions are few (a CEO office answers them by hand), so the recent open ones are compared directly.
        private async Task<IEnumerable<Match>> OpenQuestionsAsync(SkedDbContext db, CaseFile @case, double threshold, CancellationToken cancellationToken)
        {
            var since = @case.CreatedAt - OpenWithin;
            var earlier = await db.Cases.AsNoTracking()
                .Where(c => c.Type == CaseTypes.CeoQuestion && c.CreatedAt >= since && c.CreatedAt <= @case.CreatedAt && c.Id != @case.Id
                    && c.AnswerType == AnswerTypes.Public && !db.FaqRepeats.Any(r => r.CaseId == c.Id))
                .OrderByDescending(c => c.CreatedAt)
                .Take(500)
                .Select(c => new { c.TrackingCode, c.Subject, c.Answer })
                .ToListAsync(cancellationToken);
            return earlier.Where(c => index.IsSameQuestion(@case.Subject, c.Subject, threshold))
                .Select(c => new Match(null, c.TrackingCode, c.Subject, c.Answer ?? string.Empty, false, 1, 0));
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
