using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// A validated definition version ready to run: node properties bound once and connections
/// indexed by (node, outcome). Immutable, so one copy serves every instance on that version.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly Dictionary<string, CompiledNode> _nodes;
    private readonly Dictionary<(string From, string Outcome), string> _connections;

    internal CompiledWorkflow(WorkflowDefinition definition, int version, IEnumerable<CompiledNode> nodes)
    {
        Definition = definition;
        Version = version;
        _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _connections = definition.Connections
            .GroupBy(c => (c.From, c.Outcome))
            .ToDictionary(g => g.Key, g => g.First().To);
        Start = _nodes.Values.Single(n => n.Type.Name == StartNode.TypeName);
    }

    public WorkflowDefinition Definition { get; }
    public string Id => Definition.Id;
    public int Version { get; }
    public CompiledNode Start { get; }
    public IEnumerable<CompiledNode> Nodes => _nodes.Values;

    public CompiledNode Node(string id) =>
        _nodes.TryGetValue(id, out var node) ? node : throw new NodeFailureException($"node '{id}' is not in {Id} v{Version}.");

    public CompiledNode? Next(string from, string outcome) =>
        _connections.TryGetValue((from, outcome), out var to) ? _nodes[to] : null;
}

/// <summary>A node with its type and bound properties.</summary>
public sealed record CompiledNode(string Id, string? Label, INodeType Type, object Properties)
{
    public T PropertiesAs<T>() => (T)Properties;
}
