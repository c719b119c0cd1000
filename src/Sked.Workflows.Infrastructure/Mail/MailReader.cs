using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Reads a parsed MIME message (MimeKit decodes the transfer encodings and charsets, windows-1256
/// among them) into an <see cref="InboundMail"/>: the plain text, or the HTML turned into safe plain
/// text; attachments judged by their bytes and size; the headers the loop rules and threading need.
/// </summary>
public static class MailReader
{
    public static InboundMail Read(MimeMessage message, MailOptions options)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        var (attachments, refused) = Attachments(message, options);
        return new InboundMail
        {
            MessageId = MailIds.Clean(message.MessageId) ?? Fingerprint(message),
            InReplyTo = MailIds.Clean(message.InReplyTo),
            References = [.. message.References.Select(MailIds.Clean).OfType<string>()],
            FromAddress = from?.Address?.Trim() ?? string.Empty,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            Subject = PersianText.Normalize(message.Subject ?? string.Empty).Trim(),
            Text = PersianText.Normalize(Text(message)).Trim(),
            Date = message.Date,
            Automatic = AutomaticMail.Reason(message, options.Address),
            IsBounce = DeliveryReport.IsBounce(message),
            BouncedMessageId = DeliveryReport.OriginalMessageId(message),
            Attachments = attachments,
            Refused = refused,
        };
    }

    private static string Text(MimeMessage message)
    {
        if (message.TextBody is { Length: > 0 } text)
        {
            return text;
        }

        return message.HtmlBody is { Length: > 0 } html ? HtmlText.Convert(html) : string.Empty;
    }

    private static (List<MailAttachment> Kept, List<string> Refused) Attachments(MimeMessage message, MailOptions options)
    {
        var kept = new List<MailAttachment>();
        var refused = new List<string>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            var name = string.IsNullOrWhiteSpace(part.FileName) ? "attachment" : Path.GetFileName(part.FileName.Trim());
            var reason = Judge(part, name, options, kept.Count, out var attachment);
            if (reason is null)
            {
                kept.Add(attachment!);
            }
            else
            {
                refused.Add(reason);
            }
        }

        return (kept, refused);
    }

    private static string? Judge(MimePart part, string name, MailOptions options, int keptSoFar, out MailAttachment? attachment)
    {
        attachment = null;
        if (keptSoFar >= options.MaxAttachments)
        {
            return Catalogue.Render(MailTexts.AttachmentTooMany, name, Catalogue.Number(options.MaxAttachments));
        }

        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        if (content.Length > options.MaxAttachmentBytes)
        {
            return Catalogue.Render(MailTexts.AttachmentTooLarge, name, Catalogue.Number(options.MaxAttachmentBytes / (1024 * 1024)));
        }

        var bytes = content.ToArray();
        if (FileKinds.Sniff(bytes) is not { } contentType)
        {
            return Catalogue.Render(MailTexts.AttachmentType, name);
        }

        attachment = new MailAttachment(name.Length > 200 ? name[^200..] : name, contentType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return null;
    }

    /// <summary>A mail without a Message-ID still has to be recognised when read again: a hash of its sender, date, subject and text.</summary>
    private static string Fingerprint(MimeMessage message)
    {
        var seen = $"{message.From}\n{message.Date:O}\n{message.Subject}\n{message.TextBody ?? message.HtmlBody}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seen))) + "@no-message-id";
    }
}
