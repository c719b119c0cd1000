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

    /// <summary>Arabic yeh/kaf and their variants become Persian; ZWNJ is kept only between letters.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(MapLetter(c));
        }

        return CollapseSpaces(RemoveStrayJoiners(builder));
    }

    /// <summary>Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII; everything else is kept.</summary>
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
                chars[i] = (char)('۰' + (chars[i] - '0'));
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
            // Vowel marks (اوّل) and the tatweel (ـ) decorate a word; they do not end it.
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
        'ي' or 'ى' => 'ی',
        'ك' => 'ک',
        'ە' or 'ة' => 'ه',
        '\u200F' or '\u200E' or '\uFEFF' or '\u00A0' => ' ',
        '\t' or '\r' => ' ',
        _ => c,
    };

    private static char ToAsciiDigit(char c) => c switch
    {
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        _ => c,
    };

    // A ZWNJ belongs only between two letters (می‌روم); at word edges or doubled it is noise.
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
