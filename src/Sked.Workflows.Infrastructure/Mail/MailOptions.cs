using MailKit.Security;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// The info@ channel (Mail__*): the mailbox the intake reads over IMAP and the SMTP server every mail
/// out goes through. Intake is off while <see cref="MailServerOptions.Host"/> of IMAP is unset; mail
/// out is only logged while SMTP's is.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Our own address: mail from it is never answered (a loop), and it is the default From.</summary>
    public string Address { get; set; } = "info@sked.co.ir";

    public MailServerOptions Imap { get; set; } = new() { Port = 993, Security = SecureSocketOptions.SslOnConnect };
    public SmtpServerOptions Smtp { get; set; } = new() { Port = 587, Security = SecureSocketOptions.StartTls };

    /// <summary>How often to look for new mail when the server does not offer IDLE.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>At most this many acknowledgements to one sender in an hour; further mail still opens cases, unanswered.</summary>
    public int AcknowledgementsPerSenderPerHour { get; set; } = 5;

    public int MaxAttachments { get; set; } = 5;
    public long MaxAttachmentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long one node holds the mailbox before another may take it over (it renews well before).</summary>
    public int LeaseSeconds { get; set; } = 15;

    public bool IntakeEnabled => !string.IsNullOrWhiteSpace(Imap.Host);
}

public class MailServerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>MailKit's names: None, Auto, SslOnConnect, StartTls.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>A PEM certificate to trust besides the system's (a self-signed server on a private network).</summary>
    public string? CertificateFile { get; set; }
}

public sealed class SmtpServerOptions : MailServerOptions
{
    /// <summary>The From address; <see cref="MailOptions.Address"/> when unset.</summary>
    public string? From { get; set; }
}
