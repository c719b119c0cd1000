namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// How far the intake has read one IMAP mailbox (UIDVALIDITY and the last UID done), and which node
/// reads it until when, so that several nodes sharing a database never read the same mailbox at once.
/// </summary>
public sealed class MailboxCursor
{
    /// <summary>user@host/INBOX: another account or server starts from the beginning.</summary>
    public required string Mailbox { get; init; }

    public long UidValidity { get; set; }
    public long LastUid { get; set; }
    public string? Holder { get; set; }
    public DateTimeOffset? HeldUntil { get; set; }
}
