using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>Reads and writes definition files; the content hash names a version.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Property names are exact: "Title" is a typo the validator reports, not an alias of "title".
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses a definition; a syntax or shape error comes back as one error for the file.</summary>
    public static WorkflowDefinition? TryParse(string json, string? file, out DefinitionError? error)
    {
        error = null;
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
            if (definition is null)
            {
                error = new DefinitionError(file, null, DefinitionErrors.EmptyFile);
                return null;
            }

            if (HasNulls(definition))
            {
                error = new DefinitionError(file, null, DefinitionErrors.Unreadable, "null where a node, connection, id or type belongs");
                return null;
            }

            return definition;
        }
        catch (JsonException ex)
        {
            error = new DefinitionError(file, null, DefinitionErrors.Unreadable, ex.Message);
            return null;
        }
    }

    // An explicit null (say "nodes": [null] in a file or an API body) gets past the deserializer but not
    // the validator, which may count on what the model declares non-null.
    private static bool HasNulls(WorkflowDefinition definition) =>
        definition.Id is null || definition.Name is null || definition.Nodes is null || definition.Connections is null
        || definition.Nodes.Any(n => n?.Id is null || n.Type is null)
        || definition.Connections.Any(c => c?.From is null || c.To is null || c.Outcome is null);

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>SHA-256 of the text with line endings unified, so a checkout on Windows is not a new version.</summary>
    public static string ContentHash(string json)
    {
        var canonical = json.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
