using System.Globalization;
using System.Resources;

namespace Sked.Workflows.Domain.Text;

/// <summary>
/// The one catalogue of sentences and labels people read (Catalogue.resx, Persian). Every layer
/// names text by code; this renders it. Numbers are written with Persian digits; other arguments
/// are kept as they are (codes such as P2D or a tracking code stay Latin), a nested
/// <see cref="Message"/> is rendered first.
/// </summary>
public static class Catalogue
{
    private static readonly ResourceManager Resources =
        new("Sked.Workflows.Domain.Text.Catalogue", typeof(Catalogue).Assembly);

    /// <summary>The sentence or label for a code, or null when the catalogue has none.</summary>
    public static string? Find(string code) => Resources.GetString(code, CultureInfo.InvariantCulture);

    /// <summary>Whether the catalogue has a sentence for the code.</summary>
    public static bool Has(string code) => Find(code) is not null;

    /// <summary>
    /// The text for a code; an unknown code renders as itself so a gap shows up on screen and in the
    /// catalogue tests rather than as an empty space.
    /// </summary>
    public static string Text(string code) => Find(code) ?? code;

    /// <summary>The label of one value in a family, e.g. Label("role", "EDesk"); the value itself when unlabelled.</summary>
    public static string Label(string family, string? value) =>
        value is null ? string.Empty : Find(family + "." + value) ?? value;

    public static string Render(Message message) => Render(message.Code, message.Args);

    public static string Render(string code, params IReadOnlyList<object?> args)
    {
        var template = Text(code);
        if (args.Count == 0)
        {
            return template;
        }

        var values = args.Select(Show).ToArray<object?>();
        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, values);
        }
        catch (FormatException)
        {
            // A sentence with a broken placeholder still shows its words and the values.
            return template + " (" + string.Join("\u060C ", values) + ")";
        }
    }

    /// <summary>A number with Persian digits and Persian separators, as every Persian screen shows it.</summary>
    public static string Number(long value) =>
        PersianText.ToPersianDigits(value.ToString("#,0", CultureInfo.InvariantCulture)).Replace(',', '\u066C');

    /// <summary>A number that names one thing (a version, a row of the chain) in Persian digits, not grouped (no thousands separator).</summary>
    public static string Ordinal(long value) => PersianText.ToPersianDigits(value.ToString(CultureInfo.InvariantCulture));

    private static string Show(object? value) => value switch
    {
        null => string.Empty,
        Message nested => Render(nested),
        int or long or short or byte => Number(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
