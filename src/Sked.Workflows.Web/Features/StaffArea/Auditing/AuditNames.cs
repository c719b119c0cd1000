using Sked.Workflows.Engine.Audit;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>Node labels of the workflow version a case ran on, the department directory and staff names, for timeline sentences.</summary>
public sealed class AuditNames(IReadOnlyDictionary<string, string> nodeLabels, IReadOnlyDictionary<string, string> departments, Func<string?, string> staff) : IAuditNames
{
    public string Node(string? id) => id is null ? string.Empty : nodeLabels.GetValueOrDefault(id, id);

    public string Department(string? code) => code is null ? "—" : departments.GetValueOrDefault(code, code);

    public string Staff(string? login) => staff(login);
}
