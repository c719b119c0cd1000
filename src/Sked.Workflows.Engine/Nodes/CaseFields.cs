using System.Globalization;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// The case fields a rule may read, by name. Rules compare these values only: no expression
/// language, so nothing in a definition can reach .NET.
/// </summary>
public static class CaseFields
{
    private static readonly Dictionary<string, Func<CaseFile, string?>> Readers = new(StringComparer.Ordinal)
    {
        ["case.type"] = c => c.Type,
        ["case.category"] = c => c.Category,
        ["case.answerType"] = c => c.AnswerType,
        ["case.anonymous"] = c => c.Anonymous ? "true" : "false",
        ["case.department"] = c => c.Department,
        ["case.status"] = c => c.Status,
        ["case.subject"] = c => c.Subject,
        ["case.body"] = c => c.Body,
        ["case.address"] = c => c.Address,
        ["case.hasLocation"] = c => c.Latitude is null ? "false" : "true",
        ["case.hasEmail"] = c => string.IsNullOrEmpty(c.Citizen.Email) ? "false" : "true",
        ["case.hasMobile"] = c => string.IsNullOrEmpty(c.Citizen.Mobile) ? "false" : "true",
    };

    public const string VariablePrefix = "var.";

    /// <summary>A workflow variable a rule may read besides the case fields: var.&lt;name&gt;.</summary>
    public const string VariablePattern = @"^var\..+$";

    public static IEnumerable<string> Names => Readers.Keys;

    public static bool IsKnown(string? field) =>
        field is not null && (Readers.ContainsKey(field) || (field.StartsWith(VariablePrefix, StringComparison.Ordinal) && field.Length > VariablePrefix.Length));

    public static string? Read(string field, CaseFile @case, WorkflowInstance instance)
    {
        if (field.StartsWith(VariablePrefix, StringComparison.Ordinal))
        {
            return instance.Variables.GetValueOrDefault(field[VariablePrefix.Length..]);
        }

        return Readers.TryGetValue(field, out var read) ? read(@case) : null;
    }

    public static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
