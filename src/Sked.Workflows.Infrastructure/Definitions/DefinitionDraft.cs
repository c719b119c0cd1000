namespace Sked.Workflows.Infrastructure.Definitions;

/// <summary>
/// The designer's work in progress on one workflow, shared by the process owners: one draft per
/// definition, overwritten on every save, removed when it is published or discarded. It may not
/// validate; new cases never run on it.
/// </summary>
public sealed class DefinitionDraft
{
    public required string DefinitionId { get; init; }

    /// <summary>The definition as JSON text (<see cref="Engine.Definitions.DefinitionJson.Serialize"/>).</summary>
    public required string Content { get; set; }

    /// <summary>The published version the draft was started from, so the designer can tell a newer one was published since.</summary>
    public int BasedOnVersion { get; set; }

    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
