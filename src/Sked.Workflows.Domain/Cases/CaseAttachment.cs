namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// A file a citizen sent with a case (a photo of a hazard). Stored re-encoded, with its metadata
/// (EXIF, GPS) already stripped, beside the case and in the same transaction.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; set; }
}
