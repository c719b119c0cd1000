using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>
/// A synonym group as staff write it (POST and PUT /api/v1/synonyms, the synonym page): its words, the term
/// (the one they are all folded to) first. A word may have several parts (power cut).
/// </summary>
public sealed record SynonymGroupInput(IReadOnlyList<string?>? Words)
{
    // The slash the page asks for; the Persian and Latin commas and new lines people type anyway.
    private static readonly char[] Separators = ['/', '\u060C', ',', '\n'];

    /// <summary>The page's one line, words separated by slashes, as the API's list.</summary>
    public static SynonymGroupInput Parse(string? line) => new((line ?? string.Empty).Split(Separators));

    /// <summary>
    /// The words normalised (a word written twice kept once), or the errors of the field <c>words</c>: fewer than
    /// two words, too long, a word another group of <paramref name="others"/> has, a word the analysis leaves out.
    /// </summary>
    public (List<string> Words, FieldErrors Errors) Validate(IEnumerable<SynonymGroup> others)
    {
        var errors = new FieldErrors();
        var words = (Words ?? []).Select(PersianText.Normalize).Where(w => SynonymTable.Key(w).Length > 0)
            .DistinctBy(SynonymTable.Key, StringComparer.Ordinal).ToList();
        if (words.Count < 2)
        {
            errors.Add(Field, SynonymTexts.WordsRequired);
            return (words, errors);
        }

        if (words.Count > SynonymGroup.WordsMax || words.Exists(w => w.Length > SynonymGroup.WordMax))
        {
            errors.Add(Field, SynonymTexts.TooLong, SynonymGroup.WordMax, SynonymGroup.WordsMax);
            return (words, errors);
        }

        var taken = others.SelectMany(g => g.Words.Select(w => (Key: SynonymTable.Key(w), Term: g.Words[0])))
            .DistinctBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Term, StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (taken.TryGetValue(SynonymTable.Key(word), out var term))
            {
                errors.Add(Field, SynonymTexts.InOtherGroup, word, term);
            }
            else if (PersianTerms.Term(SynonymTable.Key(word), SynonymTable.Empty) is null)
            {
                // Dropped before synonyms are looked at (electricity, why): in a group it would fold nothing.
                errors.Add(Field, SynonymTexts.Dropped, word);
            }
        }

        return (words, errors);
    }

    public const string Field = "words";
}
