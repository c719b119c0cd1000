namespace Sked.Workflows.Domain.Staff;

/// <summary>A signed-in member of staff, with the roles and department that decide what they may touch.</summary>
public sealed record StaffMember(string UserName, IReadOnlySet<string> Roles, string? Department, string? ClientAddress)
    : Actor(UserName, ClientAddress)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Whether the member is a candidate for work offered to this role and department.</summary>
    public bool Fits(string role, string? department) =>
        IsIn(role) && (!Staff.Roles.IsDepartmental(role) || string.Equals(Department, department, StringComparison.Ordinal));

    /// <summary>A head may hand back or reassign any task of their department.</summary>
    public bool HeadsDepartment(string? department) =>
        IsIn(Staff.Roles.DepartmentHead) && department is not null && string.Equals(Department, department, StringComparison.Ordinal);
}
