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
    public string? Schema { get; init; }

    public string Id { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public List<NodeDefinition> Nodes { get; init; } = [];
    public List<Connection> Connections { get; init; } = [];
}

/// <summary>One node: an id unique in its workflow, a type from the catalogue and that type's properties.</summary>
public sealed record NodeDefinition
{
    public string Id { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;
    public string? Label { get; init; }
    public JsonObject? Properties { get; init; }
    /// <summary>Where the designer drew the node; the engine ignores it.</summary>
    public NodePosition? Position { get; init; }
}

public sealed record NodePosition(double X, double Y);

/// <summary>When node <see cref="From"/> finishes with <see cref="Outcome"/>, the case moves to <see cref="To"/>.</summary>
public sealed record Connection
{
    public string From { get; init; } = string.Empty;
    public string Outcome { get; init; } = "next";
    public string To { get; init; } = string.Empty;
}
