using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Infrastructure.StaffNotices;

/// <summary>
/// How a notice names a group: the role (EDesk), or role and department for the departmental roles
/// (Department:billing), the same key escalation reminders always used. A member belongs to the
/// groups of their roles.
/// </summary>
public static class StaffGroups
{
    public static string Of(string role, string? department) =>
        Roles.IsDepartmental(role) && department is not null ? $"{role}:{department}" : role;

    /// <summary>Every recipient key that reaches the member: their login and their groups.</summary>
    public static IReadOnlyList<string> Reaching(StaffMember member) =>
        [member.UserName, .. member.Roles.Select(role => Of(role, member.Department))];
}
