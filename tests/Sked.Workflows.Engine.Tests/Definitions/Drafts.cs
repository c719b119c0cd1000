using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Tests.Definitions;

/// <summary>
/// Shipped definitions read fresh from their files, and the edits a process owner makes in the
/// designer (insert a step, remove one), so a test states its draft in a line or two.
/// </summary>
internal static class Drafts
{
    public static WorkflowDefinition Shipped(string id)
    {
        var file = id + ".json";
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", file));
        return DefinitionJson.TryParse(json, file, out var error) ?? throw new InvalidOperationException(error?.ToString());
    }

    public static NodeDefinition Node(this WorkflowDefinition definition, string id) => definition.Nodes.Single(n => n.Id == id);

    public static JsonObject Properties(this WorkflowDefinition definition, string id) => definition.Node(id).Properties!;

    /// <summary>A human task for the e-desk with these outcomes and, optionally, a form (JSON array text).</summary>
    public static NodeDefinition HumanTask(string id, string[] outcomes, string form = "[]") => new()
    {
        Id = id,
        Type = "humanTask",
        Label = "کنترل کیفیت",
        Properties = JsonNode.Parse($$"""
            {
              "title": "کنترل کیفیت ارجاع",
              "candidateRole": "EDesk",
              "outcomes": [{{string.Join(",", outcomes.Select(o => $$"""{"name": "{{o}}", "label": "{{o}}"}"""))}}],
              "form": {{form}}
            }
            """)!.AsObject(),
        Position = new NodePosition(1100, 100),
    };

    public static NodeDefinition Timer(string id, string duration) => new()
    {
        Id = id,
        Type = "timer",
        Label = "مهلت",
        Properties = new JsonObject { ["duration"] = duration },
    };

    /// <summary>Puts <paramref name="node"/> on the connection (from, outcome): every outcome of the new node leads where that connection led.</summary>
    public static WorkflowDefinition InsertAfter(this WorkflowDefinition definition, string from, string outcome, NodeDefinition node, params string[] nodeOutcomes)
    {
        var index = definition.Connections.FindIndex(c => c.From == from && c.Outcome == outcome);
        var to = definition.Connections[index].To;
        definition.Connections[index] = definition.Connections[index] with { To = node.Id };
        definition.Nodes.Insert(definition.Nodes.FindIndex(n => n.Id == from) + 1, node);
        definition.Connections.AddRange(nodeOutcomes.Select(o => new Connection { From = node.Id, Outcome = o, To = to }));
        return definition;
    }

    /// <summary>Removes a node and its outgoing connections; the caller reconnects what led to it.</summary>
    public static WorkflowDefinition Remove(this WorkflowDefinition definition, string id)
    {
        definition.Nodes.RemoveAll(n => n.Id == id);
        definition.Connections.RemoveAll(c => c.From == id);
        return definition;
    }

    /// <summary>Sends (from, outcome) to another node.</summary>
    public static WorkflowDefinition Connect(this WorkflowDefinition definition, string from, string outcome, string to)
    {
        var index = definition.Connections.FindIndex(c => c.From == from && c.Outcome == outcome);
        var connection = new Connection { From = from, Outcome = outcome, To = to };
        if (index < 0)
        {
            definition.Connections.Add(connection);
        }
        else
        {
            definition.Connections[index] = connection;
        }

        return definition;
    }
}
