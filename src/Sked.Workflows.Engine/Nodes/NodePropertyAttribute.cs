namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// The metadata of one typed property of a node (or of a list item such as an outcome): its kind,
/// whether it is required and what it means. It is written once, here on the property; the
/// validator, the designer and the generated JSON schema read it through <see cref="PropertySpec"/>.
/// The Persian label and hint come from the catalogue (<c>property.&lt;name&gt;</c>, <c>hint.&lt;name&gt;</c>).
/// </summary>
/// <param name="kind">One of <see cref="PropertyKinds"/>: it decides the editor, the allowed values and the schema.</param>
/// <param name="description">What it means, in English, for the schema and the reference.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NodePropertyAttribute(string kind, string description) : Attribute
{
    public string Kind { get; } = kind;

    public string Description { get; } = description;

    /// <summary>Whether a node is invalid without the property.</summary>
    public bool Required { get; set; }
}
