using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Faq;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// What staff write for an entry (POST and PUT /api/v1/faq, the curation page): question, answer,
/// category, alternative wordings and, when given, whether it is published.
/// </summary>
[FeatureContract]
public sealed record FaqEntryInput(string? Question, string? Answer, string? Category = null, IReadOnlyList<string?>? Alternatives = null, bool? Published = null)
{
    /// <summary>The input normalised, or the errors per field (codes; the edge renders them).</summary>
    public (FaqEntryInput Clean, FieldErrors Errors) Validate()
    {
        var errors = new FieldErrors();
        var question = PersianText.Normalize(Question);
        var answer = (Answer ?? string.Empty).Trim();
        var category = PersianText.Normalize(Category);
        var alternatives = (Alternatives ?? []).Select(PersianText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (question.Length == 0 || question.Length > FaqEntry.QuestionMax)
        {
            errors.Add("question", FaqTexts.QuestionRequired, FaqEntry.QuestionMax);
        }

        if (answer.Length == 0 || answer.Length > FaqEntry.AnswerMax)
        {
            errors.Add("answer", FaqTexts.AnswerRequired, FaqEntry.AnswerMax);
        }

        if (category.Length > FaqEntry.CategoryMax)
        {
            errors.Add("category", FaqTexts.CategoryTooLong, FaqEntry.CategoryMax);
        }

        if (alternatives.Count > FaqEntry.AlternativesMax || alternatives.Exists(a => a.Length > FaqEntry.QuestionMax))
        {
            errors.Add("alternatives", FaqTexts.AlternativesInvalid, FaqEntry.QuestionMax, FaqEntry.AlternativesMax);
        }

        return (new FaqEntryInput(question, answer, category.Length == 0 ? null : category, alternatives, Published), errors);
    }

    /// <summary>Writes the clean input onto the entry; the alternatives replace the old ones.</summary>
    public void ApplyTo(FaqEntry entry, DateTimeOffset now)
    {
        entry.Question = Question!;
        entry.Answer = Answer!;
        entry.Category = Category;
        entry.Alternatives = [];
        foreach (var alternative in Alternatives ?? [])
        {
            entry.AddAlternative(alternative!);
        }

        entry.WordedByStaff = true;
        entry.UpdatedAt = now;
    }
}
