using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// Compares two versions of one definition: nodes by id, connections by (from, outcome), properties deeply.
/// Pure: neither definition is changed. Nodes come in the order of <c>after</c>, then the removed ones in the
/// order of <c>before</c>; connections likewise. An added or removed node lists no property changes.
/// </summary>
public static class DefinitionDiff
{
    // Compact, and Persian text stays readable instead of \u escapes.
    private static readonly JsonSerializerOptions ValueJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static DefinitionChanges Compare(WorkflowDefinition before, WorkflowDefinition after) =>
        new(CompareNodes(before.Nodes, after.Nodes), CompareConnections(before.Connections, after.Connections), CompareWorkflow(before, after));

    private static List<PropertyChange> CompareWorkflow(WorkflowDefinition before, WorkflowDefinition after)
    {
        var changes = new List<PropertyChange>();
        AddIfDifferent(changes, "name", before.Name, after.Name);
        AddIfDifferent(changes, "description", before.Description, after.Description);
        return changes;
    }

    private static List<NodeChange> CompareNodes(List<NodeDefinition> before, List<NodeDefinition> after)
    {
        var beforeById = FirstById(before, n => n.Id);
        var afterById = FirstById(after, n => n.Id);
        var changes = new List<NodeChange>();
        foreach (var node in after.DistinctBy(n => n.Id))
        {
            if (!beforeById.TryGetValue(node.Id, out var old))
            {
                changes.Add(new NodeChange(node.Id, ChangeKind.Added, null, node, [], Moved: false));
                continue;
            }

            var properties = CompareNode(old, node);
            var moved = old.Position != node.Position;
            if (properties.Count > 0 || moved)
            {
                changes.Add(new NodeChange(node.Id, ChangeKind.Changed, old, node, properties, moved));
            }
        }

        changes.AddRange(before.DistinctBy(n => n.Id)
            .Where(n => !afterById.ContainsKey(n.Id))
            .Select(n => new NodeChange(n.Id, ChangeKind.Removed, n, null, [], Moved: false)));
        return changes;
    }

    private static List<PropertyChange> CompareNode(NodeDefinition before, NodeDefinition after)
    {
        var changes = new List<PropertyChange>();
        AddIfDifferent(changes, "type", before.Type, after.Type);
        AddIfDifferent(changes, "label", before.Label, after.Label);
        CompareValues(changes, "properties", before.Properties ?? [], after.Properties ?? []);
        return changes;
    }

    private static List<ConnectionChange> CompareConnections(List<Connection> before, List<Connection> after)
    {
        var beforeByKey = FirstById(before, c => (c.From, c.Outcome));
        var afterByKey = FirstById(after, c => (c.From, c.Outcome));
        var changes = new List<ConnectionChange>();
        foreach (var connection in after.DistinctBy(c => (c.From, c.Outcome)))
        {
            if (!beforeByKey.TryGetValue((connection.From, connection.Outcome), out var old))
            {
                changes.Add(new ConnectionChange(connection.From, connection.Outcome, ChangeKind.Added, null, connection.To));
            }
            else if (!string.Equals(old.To, connection.To, StringComparison.Ordinal))
            {
                changes.Add(new ConnectionChange(connection.From, connection.Outcome, ChangeKind.Changed, old.To, connection.To));
            }
        }

        changes.AddRange(before.DistinctBy(c => (c.From, c.Outcome))
            .Where(c => !afterByKey.ContainsKey((c.From, c.Outcome)))
            .Select(c => new ConnectionChange(c.From, c.Outcome, ChangeKind.Removed, c.To, null)));
        return changes;
    }

    /// <summary>Walks both values together and lists each leaf that differs under <paramref name="path"/>.</summary>
    private static void CompareValues(List<PropertyChange> changes, string path, JsonNode? before, JsonNode? after)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                CompareObjects(changes, path, b, a);
                break;
            case (JsonArray b, JsonArray a) when AllNamed(b) && AllNamed(a):
                CompareByName(changes, path, b, a);
                break;
            case (JsonArray b, JsonArray a):
                CompareByIndex(changes, path, b, a);
                break;
            default:
                changes.Add(new PropertyChange(path, Text(before), Text(after)));
                break;
        }
    }

    private static void CompareObjects(List<PropertyChange> changes, string path, JsonObject before, JsonObject after)
    {
        foreach (var (key, value) in after)
        {
            CompareValues(changes, path + "." + key, before[key], value);
        }

        foreach (var (key, value) in before.Where(p => !after.ContainsKey(p.Key)))
        {
            CompareValues(changes, path + "." + key, value, null);
        }
    }

    private static void CompareByName(List<PropertyChange> changes, string path, JsonArray before, JsonArray after)
    {
        var beforeByName = FirstById(before, NameOf);
        var afterByName = FirstById(after, NameOf);
        foreach (var item in after)
        {
            var name = NameOf(item);
            CompareValues(changes, $"{path}[{name}]", beforeByName.GetValueOrDefault(name), item);
        }

        foreach (var item in before.Where(i => !afterByName.ContainsKey(NameOf(i))))
        {
            changes.Add(new PropertyChange($"{path}[{NameOf(item)}]", Text(item), null));
        }
    }

    private static void CompareByIndex(List<PropertyChange> changes, string path, JsonArray before, JsonArray after)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var b = i < before.Count ? before[i] : null;
            var a = i < after.Count ? after[i] : null;
            if (b is null || a is null)
            {
                // A whole item came or went: one change for it, not one per field.
                AddIfDifferent(changes, $"{path}[{i + 1}]", Text(b), Text(a));
            }
            else
            {
                CompareValues(changes, $"{path}[{i + 1}]", b, a);
            }
        }
    }

    /// <summary>Items are matched by name only when every one has a distinct string "name" (outcomes, form fields).</summary>
    private static bool AllNamed(JsonArray array) =>
        array.All(item => item is JsonObject o && o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        && array.Select(NameOf).Distinct(StringComparer.Ordinal).Count() == array.Count;

    private static string NameOf(JsonNode? item) => item!["name"]!.GetValue<string>();

    private static Dictionary<TKey, T> FirstById<T, TKey>(IEnumerable<T> items, Func<T, TKey> key) where TKey : notnull
    {
        // An invalid draft may repeat an id; the first one counts, as nothing else could be told apart.
        var byKey = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            byKey.TryAdd(key(item), item);
        }

        return byKey;
    }

    private static void AddIfDifferent(List<PropertyChange> changes, string path, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new PropertyChange(path, before, after));
        }
    }

    /// <summary>A JSON string as its plain text; anything else as compact JSON; absent or JSON null as null.</summary>
    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(ValueJson),
    };
}
