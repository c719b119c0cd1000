using System.Net;
using System.Text;
using MimeKit;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Builds a mail of ours as the citizen's mail program should show it: Persian right-to-left HTML
/// with the same text as the plain alternative, the case's tag in the subject, our remembered
/// Message-ID, and In-Reply-To/References so it joins the citizen's thread.
/// </summary>
public static class MailComposer
{
    /// <summary>
    /// <paramref name="thread"/>: the case's earlier mails, oldest first. The notes of the citizen's last
    /// mail (a refused attachment, say) are told in the first mail after it.
    /// </summary>
    public static MimeMessage Compose(CaseMail mail, string trackingCode, IReadOnlyList<CaseMail> thread, MailboxAddress from)
    {
        var message = new MimeMessage { MessageId = mail.MessageId, Subject = SubjectTag.Tagged(mail.Subject, trackingCode) };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.DisplayName ?? string.Empty, mail.Address));
        // RFC 3834: a citizen's auto-responder must not answer us (and start a loop).
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        Thread(message, thread);
        var lastIn = thread.LastOrDefault(m => m.Direction == MailDirection.In);
        var notes = lastIn?.Notes is { } said && thread[^1] == lastIn ? said : null;
        message.Body = Body(mail.Text, notes);
        return message;
    }

    private static void Thread(MimeMessage message, IReadOnlyList<CaseMail> thread)
    {
        if (thread.LastOrDefault(m => m.Direction == MailDirection.In) is { } answered)
        {
            message.InReplyTo = answered.MessageId;
        }

        foreach (var earlier in thread.TakeLast(10))
        {
            message.References.Add(earlier.MessageId);
        }
    }

    private static MimeEntity Body(string text, string? notes)
    {
        var paragraphs = new List<string> { text };
        if (notes is not null)
        {
            paragraphs.Add(Catalogue.Text(MailTexts.NotesHeading) + "\n" + notes);
        }

        paragraphs.Add(Catalogue.Text(MailTexts.ReplyHint));
        var builder = new BodyBuilder
        {
            TextBody = string.Join("\n\n", paragraphs),
            HtmlBody = Html(paragraphs),
        };
        return builder.ToMessageBody();
    }

    private static string Html(IEnumerable<string> paragraphs)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"></head>\n")
            .Append("<body dir=\"rtl\" style=\"direction:rtl;text-align:right;font-family:Vazirmatn,Tahoma,sans-serif;line-height:1.8\">\n");
        foreach (var paragraph in paragraphs.SelectMany(p => p.Split("\n\n")))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
