using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// A kind of node a definition may use. The validator, the JSON schema and the designer's palette
/// and properties panel all read the same metadata (the attributes on the type's property class),
/// so a node type is added in one place: its class, listed in <see cref="NodeCatalogue"/>.
/// </summary>
public interface INodeType
{
    /// <summary>The name definitions write in a node's "type".</summary>
    string Name { get; }

    /// <summary>What process owners call it.</summary>
    string PersianName { get; }

    /// <summary>Typed properties with their kinds and whether each is required, read from <see cref="NodePropertyAttribute"/>.</summary>
    IReadOnlyList<PropertySpec> Properties { get; }

    /// <summary>What a node dropped from the designer's palette starts with (the smallest properties that work), or null.</summary>
    JsonObject? StarterProperties { get; }

    /// <summary>An end node finishes the instance; it has no outcomes.</summary>
    bool IsEnd { get; }

    /// <summary>Turns the node's JSON properties into the type's own property record.</summary>
    object Bind(JsonObject? properties);

    /// <summary>The outcomes a node of this type can finish with, given its properties.</summary>
    IReadOnlyList<string> Outcomes(object properties);

    /// <summary>Checks the bound properties beyond presence (roles, durations, rule fields...).</summary>
    void Validate(object properties, NodeCheck check);

    /// <summary>Runs the node when a token arrives: it either finishes with an outcome or waits.</summary>
    NodeStep Execute(NodeContext context);

    /// <summary>Handles a signal addressed to the node while it waits (task completed, timer due).</summary>
    NodeStep OnSignal(NodeContext context, Signal signal);
}
