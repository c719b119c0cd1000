namespace Sked.Workflows.Infrastructure.Faq;

/// <summary>A public question counted as a repeat of an entry: confirmed by the e-desk, or the entry was made from it.</summary>
public sealed class FaqRepeat
{
    public required Guid CaseId { get; init; }
    public required Guid FaqEntryId { get; set; }
    public required string ConfirmedBy { get; init; }
    public DateTimeOffset ConfirmedAt { get; init; }
}
