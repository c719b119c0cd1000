using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// Who may come across a case in the index: the queues of its tasks (role, role in a department, the
/// department) and the members who held or completed one. A search asks with the member's own keys, so
/// the index offers only cases the member's lists can hold; the lists still filter exactly in SQL.
/// </summary>
public static class CaseAccessKeys
{
    public const string Field = "access";

    /// <summary>The keys a case's tasks give.</summary>
    public static IEnumerable<string> Of(IEnumerable<HumanTask> tasks)
    {
        foreach (var task in tasks)
        {
            yield return Role(task.CandidateRole, null);
            if (task.Department is { } department)
            {
                yield return Role(task.CandidateRole, department);
                yield return Department(department);
            }

            if (task.Assignee is { } holder)
            {
                yield return User(holder);
            }

            if (task.CompletedBy is { } completer)
            {
                yield return User(completer);
            }
        }
    }

    /// <summary>The keys of a member: each role (a departmental one only in their department), their department when they head it, their login.</summary>
    public static IReadOnlyList<string> Of(StaffMember staff)
    {
        List<string> keys = [User(staff.UserName)];
        foreach (var role in staff.Roles)
        {
            if (!Roles.IsDepartmental(role))
            {
                keys.Add(Role(role, null));
            }
            else if (staff.Department is { } department)
            {
                keys.Add(Role(role, department));
            }
        }

        if (staff.IsIn(Roles.DepartmentHead) && staff.Department is { } headed)
        {
            keys.Add(Department(headed));
        }

        return keys;
    }

    private static string Role(string role, string? department) => department is null ? "role:" + role : $"role:{role}@{department}";

    private static string Department(string department) => "dept:" + department;

    private static string User(string userName) => "user:" + userName;
}
