using System.Text.Json;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// Checks a definition before it may run and compiles it: node types from the catalogue, required
/// properties, unique ids, connections to real nodes and outcomes, every node reachable from start
/// and every node able to reach an end. The designer uses this same class for live validation.
/// Presence, choice and duration checks come from the node types' property metadata
/// (<see cref="PropertyValues"/>); a node type checks only what its metadata cannot say.
/// </summary>
public static class DefinitionValidator
{
    /// <summary>Validates; on success <paramref name="compiled"/> holds the runnable version.</summary>
    public static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition, string? file, int version,
        IReadOnlyDictionary<string, string>? departments, out CompiledWorkflow? compiled)
    {
        var errors = new List<DefinitionError>();
        compiled = null;
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            errors.Add(new DefinitionError(file, null, DefinitionErrors.NoId));
        }

        var nodes = CompileNodes(definition, file, departments, errors);
        CheckConnections(definition, file, nodes, errors);
        CheckStart(definition, file, nodes, errors);
        if (errors.Count == 0)
        {
            CheckGraph(definition, file, nodes, errors);
        }

        if (errors.Count == 0)
        {
            compiled = new CompiledWorkflow(definition, version, nodes.Values);
        }

        return errors;
    }

    public static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition, string? file = null,
        IReadOnlyDictionary<string, string>? departments = null) => Validate(definition, file, 0, departments, out _);

    private static Dictionary<string, CompiledNode> CompileNodes(WorkflowDefinition definition, string? file,
        IReadOnlyDictionary<string, string>? departments, List<DefinitionError> errors)
    {
        var nodes = new Dictionary<string, CompiledNode>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new DefinitionError(file, null, DefinitionErrors.NodeWithoutId, node.Type));
                continue;
            }

            if (nodes.ContainsKey(node.Id))
            {
                errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.DuplicateNodeId));
                continue;
            }

            var compiled = CompileNode(node, file, departments, errors);
            if (compiled is not null)
            {
                nodes[node.Id] = compiled;
            }
        }

        return nodes;
    }

    private static CompiledNode? CompileNode(NodeDefinition node, string? file, IReadOnlyDictionary<string, string>? departments, List<DefinitionError> errors)
    {
        var type = NodeCatalogue.Find(node.Type);
        if (type is null)
        {
            errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.UnknownNodeType, node.Type, string.Join(", ", NodeCatalogue.All.Select(t => t.Name))));
            return null;
        }

        var missing = PropertyValues.Missing(type.Properties, node.Properties);
        foreach (var property in missing)
        {
            errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.MissingProperty, PropertyValues.Name(property.Name), type.Name));
        }

        object properties;
        try
        {
            properties = type.Bind(node.Properties);
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.PropertiesMisfit, type.Name, ex.Message));
            return null;
        }

        if (missing.Count == 0)
        {
            var check = new NodeCheck(file, node.Id, departments, errors);
            PropertyValues.Check(type.Properties, node.Properties, check);
            type.Validate(properties, check);
        }

        return new CompiledNode(node.Id, node.Label, type, properties);
    }

    private static void CheckConnections(WorkflowDefinition definition, string? file, Dictionary<string, CompiledNode> nodes, List<DefinitionError> errors)
    {
        // A node already reported (unknown type, unreadable properties) is not reported again as missing.
        var declared = definition.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var connection in definition.Connections)
        {
            if (!nodes.TryGetValue(connection.From, out var from))
            {
                if (!declared.Contains(connection.From))
                {
                    errors.Add(new DefinitionError(file, connection.From, DefinitionErrors.ConnectionFromMissingNode, connection.From));
                }

                continue;
            }

            if (!declared.Contains(connection.To))
            {
                errors.Add(new DefinitionError(file, connection.From, DefinitionErrors.ConnectionToMissingNode, connection.Outcome, connection.To));
            }

            if (!from.Type.Outcomes(from.Properties).Contains(connection.Outcome))
            {
                errors.Add(new DefinitionError(file, connection.From, DefinitionErrors.UnknownOutcome, connection.Outcome, string.Join(", ", from.Type.Outcomes(from.Properties))));
            }

            if (!seen.Add((connection.From, connection.Outcome)))
            {
                errors.Add(new DefinitionError(file, connection.From, DefinitionErrors.OutcomeConnectedTwice, connection.Outcome));
            }
        }

        foreach (var node in nodes.Values)
        {
            foreach (var outcome in node.Type.Outcomes(node.Properties).Where(o => !seen.Contains((node.Id, o))))
            {
                errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.OutcomeNotConnected, outcome));
            }
        }
    }

    private static void CheckStart(WorkflowDefinition definition, string? file, Dictionary<string, CompiledNode> nodes, List<DefinitionError> errors)
    {
        var starts = nodes.Values.Where(n => n.Type.Name == StartNode.TypeName).ToList();
        if (starts.Count != 1)
        {
            errors.Add(new DefinitionError(file, null, DefinitionErrors.StartCount, starts.Count));
            return;
        }

        var first = definition.Connections.FirstOrDefault(c => c.From == starts[0].Id);
        if (first is not null && nodes.TryGetValue(first.To, out var next) && next.Type.Name != IntakeNode.TypeName)
        {
            errors.Add(new DefinitionError(file, starts[0].Id, DefinitionErrors.StartNotToIntake));
        }

        if (!nodes.Values.Any(n => n.Type.IsEnd))
        {
            errors.Add(new DefinitionError(file, null, DefinitionErrors.NoEnd));
        }
    }

    private static void CheckGraph(WorkflowDefinition definition, string? file, Dictionary<string, CompiledNode> nodes, List<DefinitionError> errors)
    {
        var forward = definition.Connections.ToLookup(c => c.From, c => c.To, StringComparer.Ordinal);
        var backward = definition.Connections.ToLookup(c => c.To, c => c.From, StringComparer.Ordinal);
        var start = nodes.Values.Single(n => n.Type.Name == StartNode.TypeName).Id;
        var reachable = Walk([start], forward);
        var canEnd = Walk(nodes.Values.Where(n => n.Type.IsEnd).Select(n => n.Id), backward);
        foreach (var node in definition.Nodes)
        {
            if (!reachable.Contains(node.Id))
            {
                errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.Unreachable));
            }
            else if (!canEnd.Contains(node.Id))
            {
                errors.Add(new DefinitionError(file, node.Id, DefinitionErrors.NoPathToEnd));
            }
        }
    }

    private static HashSet<string> Walk(IEnumerable<string> from, ILookup<string, string> edges)
    {
        var seen = new HashSet<string>(from, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in edges[id].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }
}
