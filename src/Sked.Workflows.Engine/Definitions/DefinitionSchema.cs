using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// Generates workflows/schema/workflow-definition.schema.json: the file's shape from the definition
/// records (System.Text.Json's exporter), and for each node type an if/then that allows exactly the
/// properties its metadata declares, with their kinds' types and values. Nothing in it is written
/// by hand; a test fails when the committed file differs.
/// </summary>
public static class DefinitionSchema
{
    /// <summary>The path of the committed schema, relative to the repository root.</summary>
    public const string RelativePath = "workflows/schema/workflow-definition.schema.json";

    // ISO 8601 as Durations reads it: years, months, days, then T with hours, minutes, seconds; no weeks.
    // ISO 8601 (calendar time), nWD / nWH (working days / hours), and for escalation steps n% of the deadline or +time past it.
    private const string DurationPattern = @"^(\+?(P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?|[1-9]\d*W[DH])|[1-9]\d?%|100%)$";

    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = DefinitionJson.Options.Encoder };

    /// <summary>The schema as text, the way it is committed.</summary>
    public static string Text() => Generate().ToJsonString(Writing).ReplaceLineEndings("\n") + "\n";

    public static JsonObject Generate()
    {
        var options = new JsonSerializerOptions(DefinitionJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var shape = options.GetJsonSchemaAsNode(typeof(WorkflowDefinition), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Describe,
        }).AsObject();

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Sked.Workflows workflow definition",
            ["description"] = "Generated from the engine's node metadata (DefinitionSchema); do not edit by hand. "
                + "The engine's DefinitionValidator adds the graph rules a schema cannot state. See docs/workflow-definitions.md.",
        };
        foreach (var (name, value) in shape.ToList())
        {
            shape.Remove(name);
            schema[name] = value;
        }

        var node = schema["properties"]!["nodes"]!["items"]!.AsObject();
        node["properties"]!["type"] = new JsonObject
        {
            ["description"] = "The node type, from the catalogue.",
            ["enum"] = new JsonArray([.. NodeCatalogue.All.Select(t => (JsonNode)t.Name)]),
        };
        node["properties"]!["properties"] = new JsonObject { ["description"] = "The node type's properties; see the rule for its type." };
        node["allOf"] = new JsonArray([.. NodeCatalogue.All.Select(PerType)]);
        return schema;
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is not null && schema is JsonObject described)
        {
            described.Insert(0, "description", description);
        }

        return schema;
    }

    private static JsonNode PerType(INodeType type)
    {
        var then = new JsonObject { ["properties"] = new JsonObject { ["properties"] = Record(type.Properties) } };
        if (type.Properties.Any(p => p.Required))
        {
            then["required"] = new JsonArray("properties");
        }

        return new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = type.Name } },
                ["required"] = new JsonArray("type"),
            },
            ["then"] = then,
        };
    }

    private static JsonObject Record(IReadOnlyList<PropertySpec> specs)
    {
        var record = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        var required = specs.Where(p => p.Required).Select(p => (JsonNode)p.Name).ToArray();
        if (required.Length > 0)
        {
            record["required"] = new JsonArray(required);
        }

        var properties = new JsonObject();
        foreach (var spec in specs)
        {
            var property = Kind(spec);
            property.Insert(0, "description", spec.Description);
            properties[spec.Name] = property;
        }

        record["properties"] = properties;
        return record;
    }

    private static JsonObject Kind(PropertySpec spec)
    {
        if (spec.Items is { } items)
        {
            return new JsonObject { ["type"] = "array", ["items"] = Record(items) };
        }

        if (PropertyKinds.ChoicesOf(spec.Kind) is { } choices)
        {
            var values = new JsonObject { ["enum"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]) };
            return PropertyKinds.OtherPatternOf(spec.Kind) is { } pattern
                ? new JsonObject { ["anyOf"] = new JsonArray(values, new JsonObject { ["type"] = "string", ["pattern"] = pattern }) }
                : values;
        }

        return spec.Kind switch
        {
            PropertyKinds.Boolean => new JsonObject { ["type"] = "boolean" },
            PropertyKinds.Number => new JsonObject { ["type"] = "integer" },
            PropertyKinds.Duration => new JsonObject { ["type"] = "string", ["pattern"] = DurationPattern },
            PropertyKinds.StringList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            PropertyKinds.Line or PropertyKinds.Text or PropertyKinds.Department => new JsonObject { ["type"] = "string" },
            _ => throw new InvalidOperationException($"property '{spec.Name}' has kind '{spec.Kind}', which the schema does not know."),
        };
    }
}
