using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sked.Workflows.Engine.Audit.Events;

/// <summary>Which rule of a decision node matched: its number from 1, or the default (written as "default").</summary>
[JsonConverter(typeof(DecisionRuleConverter))]
public readonly record struct DecisionRule(int? Number)
{
    public static DecisionRule Default => new(null);
}

internal sealed class DecisionRuleConverter : JsonConverter<DecisionRule>
{
    private const string DefaultName = "default";

    public override DecisionRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new DecisionRule(reader.GetInt32()) : DecisionRule.Default;

    public override void Write(Utf8JsonWriter writer, DecisionRule value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(DefaultName);
        }
    }
}
