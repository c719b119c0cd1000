namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>A mail read from the mailbox, reduced to what the channel keeps: headers for threading and loop rules, plain text, accepted attachments.</summary>
public sealed record InboundMail
{
    public required string MessageId { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }
    public required string Subject { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset Date { get; init; }

    /// <summary>Why no automatic reply may go to it (Auto-Submitted, Precedence, List-Id, empty return path); null for a person's mail.</summary>
    public string? Automatic { get; init; }

    /// <summary>For a delivery-status notification: the Message-ID of the mail of ours that could not be delivered.</summary>
    public string? BouncedMessageId { get; init; }

    public bool IsBounce { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Attachments not kept, each with its Persian reason.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, string Sha256);
