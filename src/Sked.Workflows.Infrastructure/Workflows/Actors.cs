using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>Who caused a change, and from where (recorded with staff actions).</summary>
public record Actor(string Name, string? ClientAddress)
{
    public static Actor System { get; } = new(Engine.Runtime.SystemActor.Name, null);

    public static Actor Citizen(string? clientAddress) => new("citizen", clientAddress);
}

/// <summary>A signed-in member of staff, with the roles and department that decide what they may touch.</summary>
public sealed record StaffMember(string UserName, IReadOnlySet<string> Roles, string? Department, string? ClientAddress)
    : Actor(UserName, ClientAddress)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Whether the member is a candidate for work offered to this role and department.</summary>
    public bool Fits(string role, string? department) =>
        IsIn(role) && (!Domain.Staff.Roles.IsDepartmental(role) || string.Equals(Department, department, StringComparison.Ordinal));

    /// <summary>A head may hand back or reassign any task of their department.</summary>
    public bool HeadsDepartment(string? department) =>
        IsIn(Domain.Staff.Roles.DepartmentHead) && department is not null && string.Equals(Department, department, StringComparison.Ordinal);
}
