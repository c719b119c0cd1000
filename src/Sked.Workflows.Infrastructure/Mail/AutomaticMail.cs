using MimeKit;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Mail that a machine sent: answering it starts a loop between two auto-responders (RFC 3834), so
/// it gets no automatic reply. Returns which sign gave it away, or null for a person's mail.
/// </summary>
public static class AutomaticMail
{
    public static string? Reason(MimeMessage message, string ownAddress)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "Auto-Submitted: " + autoSubmitted.Trim();
        }

        if (headers[HeaderId.Precedence]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list")
        {
            return "Precedence: " + headers[HeaderId.Precedence]!.Trim();
        }

        if (headers[HeaderId.ListId] is not null)
        {
            return "List-Id";
        }

        if (headers[HeaderId.ReturnPath] is { } returnPath && MailIds.Clean(returnPath) is null)
        {
            return "Return-Path: <>";
        }

        if (headers["X-Autoreply"] is not null || headers["X-Autorespond"] is not null)
        {
            return "X-Autoreply";
        }

        return IsOwn(message, ownAddress) ? "own address" : null;
    }

    /// <summary>Mail that claims to come from our own address: never answered, never a case (it would answer itself).</summary>
    public static bool IsOwn(MimeMessage message, string ownAddress) =>
        message.From.Mailboxes.Any(m => string.Equals(m.Address, ownAddress, StringComparison.OrdinalIgnoreCase));
}
