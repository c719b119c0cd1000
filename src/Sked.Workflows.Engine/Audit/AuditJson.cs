using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sked.Workflows.Engine.Audit;

/// <summary>
/// How an event type's data is written. Three writers grew up in three places (the engine, the effect
/// writer, the admin and sign-in code) with different escaping and null handling; the chain hashes the
/// stored bytes, so each type keeps the style it has always been written in.
/// </summary>
public enum AuditJsonStyle
{
    /// <summary>Persian as is, null fields left out (the engine's events).</summary>
    RelaxedWithoutNulls,

    /// <summary>Persian as is, null fields written as null (task changes and events of the effect writer).</summary>
    RelaxedWithNulls,

    /// <summary>Non-ASCII escaped as \uXXXX, null fields written (the serializer's defaults).</summary>
    Escaped,
}

internal static class AuditJson
{
    private static readonly JsonSerializerOptions RelaxedWithoutNulls = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JsonIgnoreCondition.WhenWritingNull);
    private static readonly JsonSerializerOptions RelaxedWithNulls = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JsonIgnoreCondition.Never);
    private static readonly JsonSerializerOptions Escaped = Create(null, JsonIgnoreCondition.Never);

    public static JsonSerializerOptions Options(AuditJsonStyle style) => style switch
    {
        AuditJsonStyle.RelaxedWithoutNulls => RelaxedWithoutNulls,
        AuditJsonStyle.RelaxedWithNulls => RelaxedWithNulls,
        _ => Escaped,
    };

    // camelCase names the records' properties as the anonymous objects of old named their members;
    // the Web defaults differ from the general ones only in reading, which old rows need (numbers as text).
    private static JsonSerializerOptions Create(JavaScriptEncoder? encoder, JsonIgnoreCondition ignore)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = encoder, DefaultIgnoreCondition = ignore };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
