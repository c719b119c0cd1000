using System.Text;

namespace Sked.Workflows.Domain.Text;

/// <summary>
/// Normalises what citizens and staff type: Arabic letter forms become Persian, stray zero-width
/// non-joiners and runs of white space go, and digits can be folded to ASCII where a number is parsed.
/// </summary>
public static class PersianText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char Tatweel = '\u0640';
    private const char PersianZero = '\u06F0';
    private const char PersianNine = '\u06F9';
    private const char ArabicZero = '\u0660';
    private const char ArabicNine = '\u0669';

    /// <summary>Arabic yeh/kaf and their variants become Persian; ZWNJ is kept only between letters.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var trimmed = text.Trim();
        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsSurrogate(c))
            {
                // Half of a pair cannot be stored (PostgreSQL's UTF-8 refuses it): it shows as the replacement character.
                var paired = char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]);
                builder.Append(paired ? trimmed.AsSpan(i++, 2) : "\uFFFD");
            }
            else if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                // NUL and the other control characters are nothing a person typed, and PostgreSQL refuses NUL.
                builder.Append(MapLetter(c));
            }
        }

        return CollapseSpaces(RemoveStrayJoiners(builder));
    }

    /// <summary>Persian (U+06F0-U+06F9) and Arabic-Indic (U+0660-U+0669) digits become ASCII; everything else is kept.</summary>
    public static string ToAsciiDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ToAsciiDigit(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>ASCII digits become Persian ones, for text shown to citizens.</summary>
    public static string ToPersianDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)(PersianZero + (chars[i] - '0'));
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// A key for "the same question": normalised, digits folded, punctuation and joiners dropped,
    /// lower-cased. Two questions with the same key count as a repeat.
    /// </summary>
    public static string MatchKey(string? text)
    {
        var normalized = ToAsciiDigits(Normalize(text));
        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var c in normalized)
        {
            // Vowel marks (the shadda of avval) and the tatweel (U+0640) decorate a word; they do not end it.
            if (c == Tatweel || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace && builder.Length > 0 && c != ZeroWidthNonJoiner)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static char MapLetter(char c) => c switch
    {
        // Arabic yeh and alef maksura become Persian yeh; Arabic kaf becomes keheh; ae and teh marbuta become heh.
        '\u064A' or '\u0649' => '\u06CC',
        '\u0643' => '\u06A9',
        '\u06D5' or '\u0629' => '\u0647',
        '\u200F' or '\u200E' or '\uFEFF' or '\u00A0' => ' ',
        '\t' or '\r' => ' ',
        _ => c,
    };

    private static char ToAsciiDigit(char c) => c switch
    {
        >= PersianZero and <= PersianNine => (char)('0' + (c - PersianZero)),
        >= ArabicZero and <= ArabicNine => (char)('0' + (c - ArabicZero)),
        _ => c,
    };

    // A ZWNJ belongs only between two letters (as in mi-ravam); at word edges or doubled it is noise.
    private static StringBuilder RemoveStrayJoiners(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ZeroWidthNonJoiner)
            {
                var before = result.Length > 0 ? result[^1] : ' ';
                var after = i + 1 < text.Length ? text[i + 1] : ' ';
                if (!char.IsLetter(before) || !char.IsLetter(after))
                {
                    continue;
                }
            }

            result.Append(c);
        }

        return result;
    }

    private static string CollapseSpaces(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text.ToString())
        {
            var isSpace = c == ' ';
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            result.Append(c);
            lastWasSpace = isSpace;
        }

        return result.ToString().Trim();
    }
}
