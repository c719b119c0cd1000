namespace Sked.Workflows.Infrastructure.Search;

/// <summary>Search__CaseIndexPath and how often the case index looks for changes made on other nodes.</summary>
public sealed class CaseIndexOptions
{
    public const string Section = "Search";

    /// <summary>The node's own index folder; empty means data/case-index under the app's folder.</summary>
    public string? CaseIndexPath { get; set; }

    /// <summary>How often the index reads changes it was not told of (another node's, or a missed wake-up).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Under a steady flow of changes, the least time between two catch-ups (each makes a new segment searchable).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Under a steady flow of changes, how often what the index shows is also made durable (at once when the flow stops).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cases read from the database per step of a rebuild or of following changes.</summary>
    public int BatchSize { get; set; } = 1000;
}
