namespace Sked.Workflows.Infrastructure.Faq;

/// <summary>A public question counted across citizens; published once asked often enough.</summary>
public sealed class FaqEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string QuestionKey { get; init; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    public int Repeats { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
