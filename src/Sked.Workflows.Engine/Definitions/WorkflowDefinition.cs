using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// A workflow as its JSON file states it: a flowchart of typed nodes joined by connections from a
/// node's named outcome to the next node. The id is the case type it runs.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    [Description("Path to the schema, for editors; the engine ignores it.")]
    public string? Schema { get; init; }

    [Description("The case type this workflow runs; equals the file name.")]
    public string Id { get; init; } = string.Empty;

    [Description("Persian name shown to process owners.")]
    public string Name { get; init; } = string.Empty;

    [Description("What the workflow is for (Persian).")]
    public string? Description { get; init; }

    [Description("The nodes: each an id unique in the workflow, a type and that type's properties.")]
    public List<NodeDefinition> Nodes { get; init; } = [];

    [Description("From a node's named outcome to the next node.")]
    public List<Connection> Connections { get; init; } = [];
}

/// <summary>One node: an id unique in its workflow, a type from the catalogue and that type's properties.</summary>
public sealed record NodeDefinition
{
    [Description("Unique in the workflow; connections and tasks name the node by it.")]
    public string Id { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    [Description("Persian caption in the designer and the audit trail.")]
    public string? Label { get; init; }

    public JsonObject? Properties { get; init; }

    /// <summary>Where the designer drew the node; the engine ignores it.</summary>
    [Description("Where the designer drew the node; the engine ignores it.")]
    public NodePosition? Position { get; init; }
}

public sealed record NodePosition(double X, double Y);

/// <summary>When node <see cref="From"/> finishes with <see cref="Outcome"/>, the case moves to <see cref="To"/>.</summary>
public sealed record Connection
{
    [Description("The node the connection leaves.")]
    public string From { get; init; } = string.Empty;

    [Description("The outcome of that node; \"next\" for nodes with one way on.")]
    public string Outcome { get; init; } = "next";

    [Description("The node the case moves to.")]
    public string To { get; init; } = string.Empty;
}
