using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// The published answers a citizen's form shows before a case is created: up to <see cref="Shown"/>
/// entries the system holds to ask the same as the subject typed. The portal's script asks
/// /api/v1/faq/similar as the citizen types; without script the form's first submit asks this.
/// </summary>
[FeatureContract]
public sealed class FaqDeflection(FaqIndex index, IConfiguration configuration)
{
    public const int Shown = 3;

    public async Task<IReadOnlyList<FaqIndex.Match>> SuggestAsync(string? subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > SimilarQuestions.MaxQuestion)
        {
            return [];
        }

        var threshold = configuration.GetValue("Faq:SameQuestionThreshold", 0.6);
        return [.. (await index.SimilarAsync(subject, Shown, threshold, cancellationToken)).Where(m => m.SameQuestion)];
    }
}
