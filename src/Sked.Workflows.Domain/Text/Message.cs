namespace Sked.Workflows.Domain.Text;

/// <summary>
/// Something a person may read, as data: a code that names its sentence in the <see cref="Catalogue"/>
/// and the values to fill in. Layers pass messages, never sentences; the edge renders them
/// (<see cref="Catalogue.Render(Message)"/>), so the wording lives in one place per language.
/// </summary>
/// <param name="Code">The catalogue key, e.g. <c>definition.outcome-unconnected</c>.</param>
/// <param name="Args">Values for the sentence's {0}, {1}...; a nested <see cref="Message"/> is rendered too.</param>
public sealed record Message(string Code, IReadOnlyList<object?> Args)
{
    public static Message Of(string code, params object?[] args) => new(code, args);

    /// <summary>The code and arguments in plain English-free form, for logs and exception texts.</summary>
    public override string ToString() =>
        Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => a?.ToString()))})";
}
