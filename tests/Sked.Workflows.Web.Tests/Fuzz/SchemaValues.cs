using System.Globalization;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// Builds a plausible value for a JSON schema of the document (so a request gets past the first
/// check and reaches deeper code), and mutates it: fields of the wrong type, null, missing or extra.
/// </summary>
public sealed class SchemaValues(JsonObject document, Random random, IReadOnlyList<string> knownTexts)
{
    public JsonNode? Plausible(JsonNode? schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is not JsonObject s || depth > 6)
        {
            return JsonValue.Create("x");
        }

        if (s["enum"] is JsonArray choices && choices.Count > 0)
        {
            return choices[random.Next(choices.Count)]?.DeepClone();
        }

        return Type(s) switch
        {
            "object" => Object(s, depth),
            "array" => new JsonArray(Plausible(s["items"], depth + 1)),
            "integer" => JsonValue.Create(random.Next(0, 100)),
            "number" => JsonValue.Create(30 + random.NextDouble() * 30),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            _ => JsonValue.Create(PlausibleText(s)),
        };
    }

    /// <summary>The plausible value with some of its fields broken.</summary>
    public JsonNode? Mutated(JsonNode? schema)
    {
        var value = Plausible(schema);
        if (value is not JsonObject body || random.Next(6) == 0)
        {
            return HostileValues.Json(random);
        }

        foreach (var key in body.Select(p => p.Key).ToList())
        {
            switch (random.Next(6))
            {
                case 0: body.Remove(key); break;
                case 1: body[key] = null; break;
                case 2 or 3: body[key] = HostileValues.Json(random); break;
                default: break;
            }
        }

        if (random.Next(4) == 0)
        {
            body[HostileValues.Pick(random, HostileValues.Texts)] = HostileValues.Json(random);
        }

        return body;
    }

    public string PlausibleText(JsonNode? schema)
    {
        var format = Resolve(schema)?["format"]?.GetValue<string>();
        return format switch
        {
            "date-time" => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(-400, 400)).ToString("O", CultureInfo.InvariantCulture),
            "uuid" => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString(),
            _ when Type(Resolve(schema) as JsonObject) is "integer" or "number" => random.Next(0, 100).ToString(CultureInfo.InvariantCulture),
            _ => knownTexts.Count > 0 && random.Next(2) == 0 ? HostileValues.Pick(random, knownTexts) : "قطعی برق در خیابان ما",
        };
    }

    private JsonObject Object(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            result[name] = Plausible(property, depth + 1);
        }

        return result;
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            schema = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (node, part) => node?[part]);
        }

        return schema;
    }

    private static string? Type(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => schema?["properties"] is null ? null : "object",
    };
}
