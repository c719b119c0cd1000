using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>One typed property of a node type or of a list item, read from its <see cref="NodePropertyAttribute"/>.</summary>
/// <param name="Name">The JSON name.</param>
/// <param name="Kind">One of <see cref="PropertyKinds"/>.</param>
/// <param name="Required">Whether a node of the type is invalid without it.</param>
/// <param name="Description">What it means, in English, for the schema and the reference.</param>
/// <param name="Items">For a list of records (outcomes, rules...): the fields of one item; otherwise null.</param>
public sealed record PropertySpec(string Name, string Kind, bool Required, string Description, IReadOnlyList<PropertySpec>? Items = null)
{
    /// <summary>The Persian name process owners read (<c>property.&lt;name&gt;</c> in the catalogue).</summary>
    public string PersianName => Catalogue.Label("property", Name);

    /// <summary>
    /// What the property means in Persian: <c>hint.&lt;nodeType&gt;.&lt;name&gt;</c> where the same name means
    /// something else in that node type, else <c>hint.&lt;name&gt;</c>; null when the catalogue has neither.
    /// </summary>
    public string? PersianHint(string? nodeType) =>
        (nodeType is null ? null : Catalogue.Find($"hint.{nodeType}.{Name}")) ?? Catalogue.Find("hint." + Name);
}
