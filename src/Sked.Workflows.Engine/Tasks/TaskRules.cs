using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Tasks;

/// <summary>
/// Who may act on a task, stated once: a member whose role (and, for departmental roles, department)
/// fits may claim and complete it; its holder or the department's head may release it; only the
/// head of its department may hand it to one of the department's members. The API and the staff
/// pages both ask here, so a button is shown exactly when the action would be allowed.
/// </summary>
public static class TaskRules
{
    private static readonly TaskRefusal NotYours = new(TaskRefusalKind.Forbidden, Message.Of(WorkflowMessages.TaskNotYours));
    private static readonly TaskRefusal Taken = new(TaskRefusalKind.Conflict, Message.Of(WorkflowMessages.TaskTaken));
    private static readonly TaskRefusal Done = new(TaskRefusalKind.Conflict, Message.Of(WorkflowMessages.TaskDone));
    private static readonly TaskRefusal HeldByColleague = new(TaskRefusalKind.Conflict, Message.Of(WorkflowMessages.TaskHeldByColleague));
    private static readonly TaskRefusal NotClaimed = new(TaskRefusalKind.Conflict, Message.Of(WorkflowMessages.TaskNotClaimed));
    private static readonly TaskRefusal HeadOnly = new(TaskRefusalKind.Forbidden, Message.Of(WorkflowMessages.TaskAssignHeadOnly));

    /// <summary>Whether the member holds the task now.</summary>
    public static bool IsHeldBy(this HumanTask task, StaffMember staff) =>
        task.Status == HumanTaskStatus.Claimed && string.Equals(task.Assignee, staff.UserName, StringComparison.Ordinal);

    /// <summary>Why the member may not claim the task, or null. Claiming a task one holds already is allowed (and changes nothing).</summary>
    public static TaskRefusal? RefuseClaim(this HumanTask task, StaffMember staff)
    {
        if (!staff.Fits(task.CandidateRole, task.Department))
        {
            return NotYours;
        }

        if (task.IsHeldBy(staff))
        {
            return null;
        }

        return !task.IsActive ? Done : task.Status == HumanTaskStatus.Claimed ? Taken : null;
    }

    /// <summary>Why the member may not put the task back in the group's queue, or null.</summary>
    public static TaskRefusal? RefuseRelease(this HumanTask task, StaffMember staff)
    {
        var holds = string.Equals(task.Assignee, staff.UserName, StringComparison.Ordinal);
        if (!holds && !staff.HeadsDepartment(task.Department))
        {
            return staff.Fits(task.CandidateRole, task.Department) ? HeldByColleague : NotYours;
        }

        return task.Status != HumanTaskStatus.Claimed ? NotClaimed : null;
    }

    /// <summary>Why the member may not complete the task, or null (an open task is claimed on completion).</summary>
    public static TaskRefusal? RefuseCompletion(this HumanTask task, StaffMember staff)
    {
        if (!staff.Fits(task.CandidateRole, task.Department))
        {
            return NotYours;
        }

        if (!task.IsActive)
        {
            return Done;
        }

        return task.Status == HumanTaskStatus.Claimed && !task.IsHeldBy(staff) ? Taken : null;
    }

    /// <summary>Why the member may not hand the task to someone of <paramref name="assigneeDepartment"/>, or null.</summary>
    public static TaskRefusal? RefuseAssignment(this HumanTask task, StaffMember head, string? assigneeDepartment)
    {
        if (!head.HeadsDepartment(task.Department) || !string.Equals(assigneeDepartment, task.Department, StringComparison.Ordinal))
        {
            return HeadOnly;
        }

        return !task.IsActive ? Done : null;
    }

    /// <summary>The task is now the user's.</summary>
    public static void ClaimFor(this HumanTask task, string userName, DateTimeOffset now)
    {
        task.Status = HumanTaskStatus.Claimed;
        task.Assignee = userName;
        task.ClaimedAt = now;
    }

    /// <summary>The task waits in its group's queue again.</summary>
    public static void Release(this HumanTask task)
    {
        task.Status = HumanTaskStatus.Open;
        task.Assignee = null;
        task.ClaimedAt = null;
    }
}

/// <summary>Why an action on a task is refused: not the member's to touch, or no longer possible.</summary>
public sealed record TaskRefusal(TaskRefusalKind Kind, Message Message);

public enum TaskRefusalKind
{
    /// <summary>The task is not offered to the member's role or department.</summary>
    Forbidden,
    /// <summary>The task's state does not allow it (taken, done, not claimed).</summary>
    Conflict,
}
