using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// What a node dropped from the palette starts with: its type's Persian name as label and the
/// starter properties the node type itself declares, so the owner edits a working node instead of
/// fixing a list of missing fields first. A new node type needs nothing here.
/// </summary>
public static class NodeTemplates
{
    public static string LabelFor(string type) => NodeCatalogue.Find(type)?.PersianName ?? type;

    /// <summary>A short id prefix for the longer type names; any other type is its own prefix.</summary>
    public static string IdPrefixFor(string type) => type switch
    {
        "humanTask" => "task",
        "autoRoute" => "route",
        "publishAnswer" => "publish",
        "promoteToFaq" => "faq",
        "setStatus" => "status",
        _ => type,
    };

    public static JsonObject? PropertiesFor(string type) => NodeCatalogue.Find(type)?.StarterProperties;
}
