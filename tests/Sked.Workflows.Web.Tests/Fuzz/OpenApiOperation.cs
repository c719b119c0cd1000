using System.Text.Json.Nodes;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>A parameter of an operation: where it goes and the schema of its value.</summary>
public sealed record OpenApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>One operation of the app's OpenAPI document, with $refs resolved on demand.</summary>
public sealed record OpenApiOperation(string Method, string PathTemplate, IReadOnlyList<OpenApiParameter> Parameters, JsonNode? BodySchema, string? BodyMediaType)
{
    /// <summary>Reads every operation of the document (GET /openapi/v1.json).</summary>
    public static IReadOnlyList<OpenApiOperation> Read(JsonObject document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && method != "parameters")
                {
                    var (schema, media) = Body(op);
                    operations.Add(new OpenApiOperation(method.ToUpperInvariant(), path, ReadParameters(op, item["parameters"]), schema, media));
                }
            }
        }

        return operations;
    }

    private static List<OpenApiParameter> ReadParameters(JsonObject operation, JsonNode? shared) =>
        (operation["parameters"]?.AsArray() ?? []).Concat(shared?.AsArray() ?? [])
            .Select(p => new OpenApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
            .ToList();

    private static (JsonNode? Schema, string? Media) Body(JsonObject operation)
    {
        if (operation["requestBody"]?["content"] is not JsonObject content || content.Count == 0)
        {
            return (null, null);
        }

        var (media, value) = content.First();
        return (value?["schema"], media);
    }
}
