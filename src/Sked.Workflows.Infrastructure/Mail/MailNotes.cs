using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>What the citizen is told about their mail in our next mail: refused attachments, a tag that did not match, a text cut short.</summary>
public static class MailNotes
{
    public static string? Join(string? threadNote, IReadOnlyList<string> refused, bool textCut)
    {
        List<string> lines = [.. refused];
        if (threadNote is not null)
        {
            lines.Add(threadNote);
        }

        if (textCut)
        {
            lines.Add(Catalogue.Text(MailTexts.TextCut));
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The text cut to what a column holds.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : text[..max];
}
