namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>Message-IDs: ours are made from the mail's id and our domain; theirs are kept without angle brackets.</summary>
public static class MailIds
{
    public static string For(Guid mail, string domain) => $"{mail:N}@{domain}";

    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "sked.local";
    }

    /// <summary>"&lt;id&gt;" or " id " → "id"; null when nothing is left.</summary>
    public static string? Clean(string? messageId)
    {
        var trimmed = messageId?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
