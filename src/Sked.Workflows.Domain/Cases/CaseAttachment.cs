namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// A file a citizen sent with a case: a photo of a hazard (stored re-encoded, with its metadata
/// (EXIF, GPS) already stripped) or a mail's attachment, beside the case and in the same transaction.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>SHA-256 of the stored bytes (hex), so a copy handed out can be checked against what arrived.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The e-mail it came with, if it came by mail.</summary>
    public Guid? MailId { get; set; }
}
