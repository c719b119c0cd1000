using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Collects a node's validation errors with its file and id already filled in.</summary>
public sealed class NodeCheck(string? file, string nodeId, IReadOnlyDictionary<string, string>? departments, List<DefinitionError> errors)
{
    /// <summary>Known department codes, or null when the validator runs without a database.</summary>
    public IReadOnlyDictionary<string, string>? Departments { get; } = departments;

    public void Error(string message) => errors.Add(new DefinitionError(file, nodeId, message));

    public void Duration(string? value, string property, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Error($"missing required property '{property}'.");
            }

            return;
        }

        if (!Durations.TryParse(value, out _))
        {
            Error($"'{property}' = '{value}' is not an ISO 8601 duration such as P2D or PT4H.");
        }
    }

    public void Department(string? code, string property)
    {
        if (code is not null && Departments is not null && !Departments.ContainsKey(code))
        {
            Error($"'{property}' names unknown department '{code}'.");
        }
    }
}
