namespace Sked.Workflows.Engine.Definitions;

/// <summary>What changed between two versions of one definition, as <see cref="DefinitionDiff"/> finds it.</summary>
/// <param name="Nodes">Nodes added, removed or changed (unchanged nodes are not listed).</param>
/// <param name="Connections">Connections added, removed or sent to another node.</param>
/// <param name="Workflow">Changes of the definition's own fields (name, description).</param>
public sealed record DefinitionChanges(
    IReadOnlyList<NodeChange> Nodes,
    IReadOnlyList<ConnectionChange> Connections,
    IReadOnlyList<PropertyChange> Workflow)
{
    public bool IsEmpty => Nodes.Count == 0 && Connections.Count == 0 && Workflow.Count == 0;
}

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One node that differs. A node only moved on the canvas is Changed with no property changes and <see cref="Moved"/> set.</summary>
public sealed record NodeChange(string NodeId, ChangeKind Kind, NodeDefinition? Before, NodeDefinition? After,
    IReadOnlyList<PropertyChange> Properties, bool Moved);

/// <summary>
/// One value that differs. Path: "label", "type", "properties.sla", "properties.outcomes[route].label"
/// (list items with a name are matched by name), "properties.rules[2].department" (others by index).
/// Indexes count from 1, as process owners count: "rules[2]" is the second rule.
/// A list item that came or went is one change at the item's path ("properties.outcomes[route]",
/// "properties.rules[3]") with the whole item as <see cref="Before"/> or <see cref="After"/>.
/// Values are compact JSON text, except that a JSON string is its plain text without quotes ("P3D", not "\"P3D\"");
/// null when absent (or JSON null).
/// </summary>
public sealed record PropertyChange(string Path, string? Before, string? After);

/// <summary>A connection of (From, Outcome) added, removed, or Changed to lead elsewhere.</summary>
public sealed record ConnectionChange(string From, string Outcome, ChangeKind Kind, string? BeforeTo, string? AfterTo);
