using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// Collects messages per field (the field's JSON path → its messages), as codes with arguments; the
/// edge renders them into the shape ProblemDetails and forms both use.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<Message>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, Message message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    public void Add(string field, string code, params object?[] args) => Add(field, Message.Of(code, args));

    /// <summary>The messages as codes, per field.</summary>
    public IReadOnlyDictionary<string, Message[]> ToMessages() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Field messages as the Persian sentences a person reads (ProblemDetails <c>errors</c>, form fields).</summary>
    public static IReadOnlyDictionary<string, string[]> Render(IReadOnlyDictionary<string, Message[]> messages) =>
        messages.ToDictionary(e => e.Key, e => e.Value.Select(Catalogue.Render).ToArray(), StringComparer.Ordinal);
}
