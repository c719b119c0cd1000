using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Testing;

/// <summary>A private copy of the shipped definitions that a test may change (short SLAs, a new step).</summary>
public static class WorkflowFolder
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string CopyTo(string folder)
    {
        foreach (var file in Directory.GetFiles(Shipped, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }

    /// <summary>Rewrites one definition file through its JSON tree.</summary>
    public static void Edit(string folder, string definitionId, Action<JsonObject> change)
    {
        var path = Path.Combine(folder, definitionId + ".json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(root);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public static JsonObject Node(JsonObject definition, string nodeId) =>
        definition["nodes"]!.AsArray().Select(n => n!.AsObject()).Single(n => n["id"]!.GetValue<string>() == nodeId);
}
