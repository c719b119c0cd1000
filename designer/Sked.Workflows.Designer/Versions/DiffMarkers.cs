using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Versions;

/// <summary>
/// One picture of two versions: the newer definition plus what the older one had and the newer
/// dropped, each node and connection marked added, removed or changed.
/// </summary>
public sealed record DiffMarkers(
    WorkflowDefinition Merged,
    IReadOnlyDictionary<string, string> Nodes,
    IReadOnlyDictionary<(string From, string Outcome), string> Links)
{
    public static DiffMarkers From(WorkflowDefinition before, WorkflowDefinition after, DefinitionChanges changes)
    {
        var removedNodes = changes.Nodes.Where(n => n.Kind == ChangeKind.Removed && n.Before is not null).Select(n => n.Before!).ToList();
        var removedLinks = before.Connections
            .Where(c => changes.Connections.Any(x => x.Kind == ChangeKind.Removed && x.From == c.From && x.Outcome == c.Outcome))
            .ToList();
        var merged = after with
        {
            Nodes = [.. after.Nodes, .. removedNodes],
            Connections = [.. after.Connections, .. removedLinks],
        };
        var nodes = changes.Nodes
            .Where(n => n.Kind != ChangeKind.Changed || n.Properties.Count > 0 || n.Moved)
            .ToDictionary(n => n.NodeId, Of, StringComparer.Ordinal);
        var links = changes.Connections.ToDictionary(c => (c.From, c.Outcome), c => Css(c.Kind, movedOnly: false));
        return new DiffMarkers(merged, nodes, links);
    }

    /// <summary>The marker of one changed node: added, removed, changed, or moved when only its position differs.</summary>
    public static string Of(NodeChange node) => Css(node.Kind, node.Properties.Count == 0 && node.Moved);

    private static string Css(ChangeKind kind, bool movedOnly) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => movedOnly ? "moved" : "changed",
    };
}
