using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer;

/// <summary>One definition node on the canvas: its id, label and type as the catalogue names it.</summary>
public sealed class WorkflowNodeModel(NodeDefinition node, Point position) : NodeModel(node.Id, position)
{
    public NodeDefinition Node { get; } = node;

    public string Label => string.IsNullOrWhiteSpace(Node.Label) ? Node.Id : Node.Label;

    /// <summary>The catalogue's entry, or null for a type the catalogue does not know.</summary>
    public INodeType? NodeType { get; } = NodeCatalogue.Find(node.Type);
}
