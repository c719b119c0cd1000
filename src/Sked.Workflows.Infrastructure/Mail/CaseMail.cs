namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// One e-mail of the info@ channel, in or out, kept for the case's mail thread and so that a mail
/// read twice (a restart between fetching and committing) is recognised by its Message-ID.
/// Inbound mail that opened no case (a bounce, our own mail) is kept too, with no case.
/// </summary>
public sealed class CaseMail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? CaseId { get; set; }
    public MailDirection Direction { get; init; }

    /// <summary>The Message-ID header without angle brackets; ours are made when the mail is queued.</summary>
    public required string MessageId { get; init; }

    /// <summary>The Message-ID this mail answers (ours: the citizen's last mail), for threading.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>The thread so far (References header), oldest first, space separated.</summary>
    public string? References { get; set; }

    public required string Address { get; init; }
    public string? DisplayName { get; init; }
    public required string Subject { get; init; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; init; }
    public MailDisposition Disposition { get; set; }

    /// <summary>Persian lines for the citizen about this mail (a refused attachment, a tag that did not match), said in the next mail we send.</summary>
    public string? Notes { get; set; }

    /// <summary>For mail out: why it was not sent (too many acknowledgements to one sender in an hour, an automatic sender).</summary>
    public string? SuppressedBecause { get; set; }
}

public enum MailDirection
{
    In,
    Out,
}

/// <summary>What became of a mail.</summary>
public enum MailDisposition
{
    /// <summary>In: opened a new case.</summary>
    NewCase,

    /// <summary>In: threaded into an existing case as the citizen's message.</summary>
    Reply,

    /// <summary>In: a delivery-status notification; the case's address was marked undeliverable.</summary>
    Bounce,

    /// <summary>In: not for a case (our own mail coming back, an automatic mail we cannot place).</summary>
    Ignored,

    /// <summary>Out: waiting in the outbox.</summary>
    Queued,

    /// <summary>Out: handed to the SMTP server.</summary>
    Sent,

    /// <summary>Out: deliberately not sent (see <see cref="CaseMail.SuppressedBecause"/>).</summary>
    Suppressed,
}
