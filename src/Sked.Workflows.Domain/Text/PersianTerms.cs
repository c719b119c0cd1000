using System.Collections.Frozen;

namespace Sked.Workflows.Domain.Text;

/// <summary>
/// The words of a Persian question as the same-question matcher compares them: normalised
/// (<see cref="PersianText.MatchKey"/>: Arabic yeh/kaf, digits, diacritics, the ZWNJ joined), spoken
/// forms written out, light stemming (the prefixes mi-/nemi-, plural, possessive and verb endings),
/// synonyms folded to one word, and the words that carry no subject dropped. A ZWNJ typed as a space
/// leaves a lone affix (ha, mi), which is dropped too, so both spellings meet. The word lists are
/// data, in PersianTerms.txt beside this file (Persian words stay out of code). The synonyms are staff's
/// to edit at run time (<see cref="SynonymTable"/>, kept in the database), so each analysis is given the
/// table to fold with; the txt's synonym lines are only what a new database starts with.
/// </summary>
public static class PersianTerms
{
    private const int MinStem = 3;

    private static readonly Lists Words = Lists.Load();

    /// <summary>Whether a term names another service (gas, water, telephone…), which no answer about electricity answers.</summary>
    public static bool IsOtherService(string term) => Words.OtherServices.Contains(term);

    /// <summary>
    /// Whether two terms are one word, or one is part of the other's compound (a compound typed with
    /// spaces leaves its parts, each part of the joined form). Parts shorter than three letters do not count.
    /// </summary>
    public static bool Related(string one, string other) =>
        string.Equals(one, other, StringComparison.Ordinal)
        || (one.Length >= MinStem && other.Contains(one, StringComparison.Ordinal))
        || (other.Length >= MinStem && one.Contains(other, StringComparison.Ordinal));

    /// <summary>The shipped synonym groups (the txt's "synonym: word=term" lines), the term first.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> ShippedSynonyms => Words.Synonyms;

    /// <summary>
    /// The terms of a text, in order, with <paramref name="synonyms"/> folded; the same question in other spellings
    /// gives the same terms.
    /// </summary>
    public static IReadOnlyList<string> Of(string? text, SynonymTable synonyms) =>
        [.. PersianText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Term(w, synonyms)).OfType<string>()];

    /// <summary>One word's term, or null for a word that says nothing about the subject.</summary>
    public static string? Term(string word, SynonymTable synonyms)
    {
        var written = Words.Spoken.GetValueOrDefault(word, word);
        if (Words.Dropped.Contains(written))
        {
            return null;
        }

        // A spoken form may show only once its ending is gone (a possessive ending on a spoken noun).
        var stem = Stem(written);
        stem = Words.Spoken.GetValueOrDefault(stem, stem);
        return Words.Dropped.Contains(stem) ? null : synonyms.TermOf(stem) ?? synonyms.TermOf(written) ?? stem;
    }

    private static string Stem(string word)
    {
        foreach (var prefix in Words.Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= MinStem)
            {
                word = word[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in Words.Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= MinStem)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>The word lists, read once from the embedded PersianTerms.txt ("kind: words" or "kind: word=word" per line).</summary>
    private sealed record Lists(
        FrozenSet<string> Dropped,
        FrozenDictionary<string, string> Spoken,
        IReadOnlyList<IReadOnlyList<string>> Synonyms,
        FrozenSet<string> OtherServices,
        string[] Prefixes,
        string[] Suffixes)
    {
        public static Lists Load()
        {
            using var stream = typeof(PersianTerms).Assembly.GetManifestResourceStream("Sked.Workflows.Domain.Text.PersianTerms.txt")
                ?? throw new InvalidOperationException("PersianTerms.txt is not embedded in the Domain assembly.");
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => (Kind: l[..l.IndexOf(':', StringComparison.Ordinal)], Words: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .ToList();
            return new Lists(
                Set(lines, "drop"), Pairs(lines, "spoken"), Groups(lines, "synonym"), Set(lines, "other"),
                [.. Items(lines, "prefix")], [.. Items(lines, "suffix")]);
        }

        private static IEnumerable<string> Items(List<(string Kind, string Words)> lines, string kind) =>
            lines.Where(l => l.Kind == kind).SelectMany(l => l.Words.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        private static FrozenSet<string> Set(List<(string Kind, string Words)> lines, string kind) =>
            Items(lines, kind).ToFrozenSet(StringComparer.Ordinal);

        private static FrozenDictionary<string, string> Pairs(List<(string Kind, string Words)> lines, string kind) =>
            Items(lines, kind).Select(p => p.Split('=', 2)).ToFrozenDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

        // "word=term" pairs gathered into groups, each the term followed by its words, in the file's order.
        private static List<IReadOnlyList<string>> Groups(List<(string Kind, string Words)> lines, string kind) =>
            [.. Items(lines, kind).Select(p => p.Split('=', 2)).GroupBy(p => p[1], StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, .. g.Select(p => p[0])])];
    }
}
