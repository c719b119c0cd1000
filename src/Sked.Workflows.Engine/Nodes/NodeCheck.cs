using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Collects a node's validation errors with its file and id already filled in.</summary>
public sealed class NodeCheck(string? file, string nodeId, IReadOnlyDictionary<string, string>? departments, List<DefinitionError> errors)
{
    /// <summary>Known department codes, or null when the validator runs without a database.</summary>
    public IReadOnlyDictionary<string, string>? Departments { get; } = departments;

    /// <summary>Adds an error: a code from <see cref="DefinitionErrors"/> and its arguments.</summary>
    public void Error(string code, params object?[] args) => errors.Add(new DefinitionError(file, nodeId, code, args));

    /// <summary>Reports a department code the database does not know; <paramref name="where"/> names the property.</summary>
    public void Department(string? code, Message where)
    {
        if (code is not null && Departments is not null && !Departments.ContainsKey(code))
        {
            Error(DefinitionErrors.UnknownDepartment, where, code);
        }
    }
}
