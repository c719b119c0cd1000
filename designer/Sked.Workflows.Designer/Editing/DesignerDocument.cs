using System.Text.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// The definition being edited: nodes with their JSON properties, and connections. Every edit goes
/// through here, and each is recorded in <see cref="History"/> first, so it can be undone.
/// </summary>
public sealed class DesignerDocument
{
    private WorkflowDefinition _definition;

    public DesignerDocument(WorkflowDefinition definition)
    {
        _definition = Placed(Copy(definition));
        History = new EditHistory(Snapshot);
    }

    public EditHistory History { get; }

    public string Id => _definition.Id;

    public IReadOnlyList<NodeDefinition> Nodes => _definition.Nodes;

    public IReadOnlyList<Connection> Connections => _definition.Connections;

    /// <summary>Raised after every change, undo and redo.</summary>
    public event EventHandler? Changed;

    /// <summary>A copy of the current definition, as it would be saved.</summary>
    public WorkflowDefinition ToDefinition() => Copy(_definition);

    public NodeDefinition? Node(string id) => _definition.Nodes.Find(n => n.Id == id);

    /// <summary>The outcomes the node can finish with now; none while its properties do not bind.</summary>
    public static IReadOnlyList<string> OutcomesOf(NodeDefinition node)
    {
        var type = NodeCatalogue.Find(node.Type);
        if (type is null)
        {
            return [];
        }

        try
        {
            return type.Outcomes(type.Bind(node.Properties));
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public string? TargetOf(string from, string outcome) =>
        _definition.Connections.Find(c => c.From == from && c.Outcome == outcome)?.To;

    /// <summary>Adds a node of the type with its starting properties; returns its new id.</summary>
    public string AddNode(string type, double x, double y)
    {
        var id = FreeId(type);
        Change(nodes => nodes.Add(new NodeDefinition
        {
            Id = id,
            Type = type,
            Label = NodeTemplates.LabelFor(type),
            Properties = NodeTemplates.PropertiesFor(type),
            Position = new NodePosition(Math.Round(x), Math.Round(y)),
        }));
        return id;
    }

    public void RemoveNode(string id) => Change(nodes =>
    {
        nodes.RemoveAll(n => n.Id == id);
        _definition.Connections.RemoveAll(c => c.From == id || c.To == id);
    });

    /// <summary>Sends the node's outcome to <paramref name="to"/>; an outcome has one connection, so an earlier one is replaced.</summary>
    public void Connect(string from, string outcome, string to)
    {
        if (TargetOf(from, outcome) == to)
        {
            return;
        }

        Change(_ =>
        {
            _definition.Connections.RemoveAll(c => c.From == from && c.Outcome == outcome);
            _definition.Connections.Add(new Connection { From = from, Outcome = outcome, To = to });
        });
    }

    public void Disconnect(string from, string outcome)
    {
        if (TargetOf(from, outcome) is not null)
        {
            Change(_ => _definition.Connections.RemoveAll(c => c.From == from && c.Outcome == outcome));
        }
    }

    public void Move(string id, double x, double y)
    {
        var node = Node(id);
        if (node is null || (node.Position is { } p && p.X == Math.Round(x) && p.Y == Math.Round(y)))
        {
            return;
        }

        Replace(node, node with { Position = new NodePosition(Math.Round(x), Math.Round(y)) });
    }

    /// <summary>Moves many nodes as one edit (auto-layout).</summary>
    public void MoveAll(IReadOnlyDictionary<string, NodePosition> positions)
    {
        // An edit that changes nothing is no step to undo.
        if (_definition.Nodes.TrueForAll(n => !positions.TryGetValue(n.Id, out var at) || n.Position == at))
        {
            return;
        }

        Change(nodes => MoveEach(nodes, positions));
    }

    private static void MoveEach(List<NodeDefinition> nodes, IReadOnlyDictionary<string, NodePosition> positions)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (positions.TryGetValue(nodes[i].Id, out var at))
            {
                nodes[i] = nodes[i] with { Position = at };
            }
        }
    }

    public void SetLabel(string id, string? label)
    {
        var node = Node(id);
        if (node is not null && node.Label != label)
        {
            Replace(node, node with { Label = string.IsNullOrWhiteSpace(label) ? null : label });
        }
    }

    /// <summary>Sets one property; null removes it.</summary>
    public void SetProperty(string id, string name, JsonNode? value)
    {
        var node = Node(id);
        if (node is null || JsonNode.DeepEquals(node.Properties?[name], value))
        {
            return;
        }

        var properties = node.Properties?.DeepClone().AsObject() ?? [];
        if (value is null)
        {
            properties.Remove(name);
        }
        else
        {
            properties[name] = value.DeepClone();
        }

        Replace(node, node with { Properties = properties });
    }

    /// <summary>Renames a node and the connections that name it.</summary>
    public bool Rename(string id, string newId)
    {
        newId = newId.Trim();
        if (newId.Length == 0 || Node(newId) is not null || Node(id) is not { } node)
        {
            return false;
        }

        Change(nodes =>
        {
            nodes[nodes.IndexOf(node)] = node with { Id = newId };
            var connections = _definition.Connections;
            for (var i = 0; i < connections.Count; i++)
            {
                connections[i] = connections[i] with
                {
                    From = connections[i].From == id ? newId : connections[i].From,
                    To = connections[i].To == id ? newId : connections[i].To,
                };
            }
        });
        return true;
    }

    /// <summary>Replaces the whole definition (an imported file) as one edit.</summary>
    public void Load(WorkflowDefinition definition)
    {
        History.Record();
        _definition = Placed(Copy(definition));
        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void Undo()
    {
        if (History.Undo() is { } previous)
        {
            Restore(previous);
        }
    }

    public void Redo()
    {
        if (History.Redo() is { } next)
        {
            Restore(next);
        }
    }

    private void Replace(NodeDefinition node, NodeDefinition changed) => Change(nodes => nodes[nodes.IndexOf(node)] = changed);

    private void Change(Action<List<NodeDefinition>> edit)
    {
        History.Record();
        edit(_definition.Nodes);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private void Restore(string json)
    {
        _definition = DefinitionJson.TryParse(json, null, out _) ?? _definition;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private string Snapshot() => DefinitionJson.Serialize(_definition);

    private string FreeId(string type)
    {
        var prefix = NodeTemplates.IdPrefixFor(type);
        for (var i = 1; ; i++)
        {
            var id = $"{prefix}-{i}";
            if (Node(id) is null)
            {
                return id;
            }
        }
    }

    // A file written by hand has no positions: lay it out once, so every node can be seen and reached.
    private static WorkflowDefinition Placed(WorkflowDefinition definition)
    {
        if (definition.Nodes.TrueForAll(n => n.Position is not null))
        {
            return definition;
        }

        var positions = AutoLayout.Arrange(definition);
        return definition with { Nodes = definition.Nodes.Select(n => n with { Position = positions[n.Id] }).ToList() };
    }

    private static WorkflowDefinition Copy(WorkflowDefinition definition) =>
        DefinitionJson.TryParse(DefinitionJson.Serialize(definition), null, out _) ?? definition;
}
