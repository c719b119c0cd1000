using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// GET /api/v1/faq/similar?q=…&amp;limit=5: the published FAQ entries that may answer a question,
/// best first, each with the system's decision whether it is the same question (share of Persian
/// the question's Persian terms the entry holds at least Faq__SameQuestionThreshold, default 0.6). Anyone may ask; it counts
/// against the tracking limit.
/// </summary>
public static class SimilarQuestions
{
    public const int MaxLimit = 20;
    public const int MaxQuestion = 1000;

    public sealed record Response(Guid Id, string Question, string Answer, double Score, bool SameQuestion);

    public static RouteGroupBuilder MapSimilarQuestions(this RouteGroupBuilder api)
    {
        api.MapGet("/faq/similar", async (string? q, int? limit, FaqIndex index, IConfiguration configuration, CancellationToken ct) =>
        {
            var take = limit ?? 5;
            if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQuestion || take is < 1 or > MaxLimit)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [string.IsNullOrWhiteSpace(q) || q.Length > MaxQuestion ? "q" : "limit"] =
                        [Domain.Text.Catalogue.Render("faq.similar-invalid", Domain.Text.Catalogue.Number(MaxQuestion), Domain.Text.Catalogue.Number(MaxLimit))],
                });
            }

            var threshold = configuration.GetValue("Faq:SameQuestionThreshold", 0.6);
            var matches = await index.SimilarAsync(q, take, threshold, ct);
            return Results.Ok(matches.Select(m => new Response(m.Id, m.Question, m.Answer, m.Score, m.SameQuestion)).ToList());
        })
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .WithTags("FAQ")
            .Produces<List<Response>>()
            .ProducesValidationProblem();
        return api;
    }
}
