using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// HTML mail as safe plain text, with MimeKit's HTML tokenizer: the words a person reads, paragraphs
/// and line breaks kept; scripts, styles and every tag, attribute and link target dropped.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "section", "article", "hr",
    };

    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var skipping = 0;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Skipped.Contains(tag.Name) && !tag.IsEmptyElement:
                    skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Name):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(data.Data);
                    break;
            }
        }

        return Tidy(text.ToString());
    }

    /// <summary>Runs of spaces become one; more than one empty line becomes one.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        return ExtraLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExtraLines();
}
