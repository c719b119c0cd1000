using MimeKit;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Delivery-status notifications (RFC 3464 bounces): a multipart/report of type delivery-status,
/// or the older plain bounces from MAILER-DAEMON with an empty return path. The mail that bounced is
/// found by the Message-ID in the returned headers.
/// </summary>
public static class DeliveryReport
{
    public static bool IsBounce(MimeMessage message)
    {
        if (message.Body is MultipartReport report && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart ?? string.Empty;
        return from.Equals("MAILER-DAEMON", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Message-ID of the returned mail (message/rfc822 or text/rfc822-headers part), or null.</summary>
    public static string? OriginalMessageId(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case MessagePart { Message: { } returned }:
                    return MailIds.Clean(returned.MessageId);
                case MimePart mime when mime.ContentType.IsMimeType("text", "rfc822-headers"):
                    return FromHeaders(mime);
            }
        }

        return null;
    }

    private static string? FromHeaders(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        content.Position = 0;
        var headers = HeaderList.Load(content);
        return MailIds.Clean(headers[HeaderId.MessageId]);
    }
}
