using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Writes a node type's typed starter values as the JSON a definition holds, leaving out defaults and empty lists.</summary>
internal static class Starters
{
    private static readonly JsonSerializerOptions Options = new(DefinitionJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static JsonObject ToJson(object starter)
    {
        var json = JsonSerializer.SerializeToNode(starter, starter.GetType(), Options)!.AsObject();
        foreach (var empty in json.Where(p => p.Value is JsonArray { Count: 0 }).Select(p => p.Key).ToList())
        {
            json.Remove(empty);
        }

        return json;
    }
}
