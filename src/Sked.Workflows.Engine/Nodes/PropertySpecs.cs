using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Reads the <see cref="PropertySpec"/>s of a property class from its attributes. Every public
/// property a definition can set must say what it is: one without <see cref="NodePropertyAttribute"/>
/// is a programming error, reported when the type is first read (and by the node catalogue tests).
/// </summary>
public static class PropertySpecs
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertySpec>> Cache = new();

    public static IReadOnlyList<PropertySpec> Of(Type type) => Cache.GetOrAdd(type, Read);

    private static IReadOnlyList<PropertySpec> Read(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.MetadataToken)
            .Select(Spec)
            .ToList();

    private static PropertySpec Spec(PropertyInfo property)
    {
        var meta = property.GetCustomAttribute<NodePropertyAttribute>()
            ?? throw new InvalidOperationException($"{property.DeclaringType?.FullName}.{property.Name} has no [NodeProperty]: say its kind and meaning.");
        var items = ItemType(property.PropertyType) is { } item ? Of(item) : null;
        return new PropertySpec(JsonName(property), meta.Kind, meta.Required, meta.Description, items is { Count: > 0 } ? items : null);
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? DefinitionJson.Options.PropertyNamingPolicy?.ConvertName(property.Name)
        ?? property.Name;

    /// <summary>The record type of a list property (List&lt;TaskOutcome&gt;), or null for scalars and lists of strings.</summary>
    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string)
            ? item
            : null;
}
