namespace Sked.Workflows.Infrastructure.Definitions;

/// <summary>A published version of a workflow definition; instances reference (id, version) by foreign key.</summary>
public sealed class DefinitionVersion
{
    public required string DefinitionId { get; init; }
    public int Version { get; init; }
    public required string Name { get; init; }
    public required string ContentHash { get; init; }
    public required string Content { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public required string PublishedBy { get; init; }

    /// <summary>file (a changed file under workflows/ at start-up), admin (the routing page), designer or rollback.</summary>
    public required string Source { get; init; }

    /// <summary>For a rollback: the earlier version whose content this one published again.</summary>
    public int? RestoredFrom { get; init; }
}
