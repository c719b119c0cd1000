using System.Text.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// The checks every node gets from its metadata alone, so no node type writes them again: required
/// properties are present, a choice holds one of its kind's values, a duration is ISO 8601. List
/// items are checked the same way; an item's required field may not be empty either (a nameless
/// outcome or a rule without a department is nothing). A property is named in an error by its
/// catalogue label (<see cref="Name"/>), an item field by the list, the item's number and the field.
/// </summary>
public static class PropertyValues
{
    /// <summary>The required properties the node's JSON lacks.</summary>
    public static IReadOnlyList<PropertySpec> Missing(IReadOnlyList<PropertySpec> specs, JsonObject? properties) =>
        specs.Where(p => p.Required && properties?[p.Name] is null).ToList();

    /// <summary>A property as errors name it: its label in the catalogue (<c>property.&lt;name&gt;</c>).</summary>
    public static Message Name(string property) => Message.Of("property." + property);

    /// <summary>A field of a list item as errors name it ("rules 1, department" in the catalogue's words).</summary>
    public static Message ItemField(string list, int number, string field) =>
        Message.Of(DefinitionErrors.ItemField, Message.Of(DefinitionErrors.Item, Name(list), number), Name(field));

    /// <summary>Checks the values present against their kinds.</summary>
    public static void Check(IReadOnlyList<PropertySpec> specs, JsonObject? properties, NodeCheck check) =>
        Check(specs, properties, check, item: null);

    private static void Check(IReadOnlyList<PropertySpec> specs, JsonObject? properties, NodeCheck check, Message? item)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var spec in specs)
        {
            var where = Where(item, spec);
            switch (properties[spec.Name])
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String && !ReportedMissing(spec, value, item):
                    CheckText(spec.Kind, where, value.GetValue<string>(), check);
                    break;
                case JsonArray items when spec.Items is { } fields:
                    for (var i = 0; i < items.Count; i++)
                    {
                        CheckItem(fields, items[i] as JsonObject, check, Message.Of(DefinitionErrors.Item, where, i + 1));
                    }

                    break;
            }
        }
    }

    private static void CheckItem(IReadOnlyList<PropertySpec> fields, JsonObject? item, NodeCheck check, Message where)
    {
        foreach (var field in fields.Where(f => f.Required && IsEmpty(item?[f.Name])))
        {
            check.Error(DefinitionErrors.MissingProperty, Where(where, field), null);
        }

        Check(fields, item, check, where);
    }

    private static Message Where(Message? item, PropertySpec spec) =>
        item is null ? Name(spec.Name) : Message.Of(DefinitionErrors.ItemField, item, Name(spec.Name));

    /// <summary>An empty required item field was reported as missing already; it is not also an unknown value.</summary>
    private static bool ReportedMissing(PropertySpec spec, JsonNode value, Message? item) => item is not null && spec.Required && IsEmpty(value);

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(text.GetValue<string>()));

    private static void CheckText(string kind, Message where, string value, NodeCheck check)
    {
        if (!PropertyKinds.Allows(kind, value))
        {
            check.Error(DefinitionErrors.UnknownValue, where, value);
        }
        else if (kind == PropertyKinds.Duration && !EscalationTimes.IsValid(value))
        {
            check.Error(DefinitionErrors.InvalidDuration, where, value);
        }
    }
}
