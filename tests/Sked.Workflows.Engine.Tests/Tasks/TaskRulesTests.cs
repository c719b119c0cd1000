using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Engine.Tests.Tasks;

/// <summary>Who may claim, release, complete and assign a task: holder, colleague, head, outsider.</summary>
public sealed class TaskRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Holder = Member("staff.billing", "billing", Roles.Department);
    private static readonly StaffMember Colleague = Member("clerk.billing", "billing", Roles.Department);
    private static readonly StaffMember Head = Member("head.billing", "billing", Roles.Department, Roles.DepartmentHead);
    private static readonly StaffMember OtherDepartment = Member("staff.metering", "metering", Roles.Department);
    private static readonly StaffMember OtherHead = Member("head.metering", "metering", Roles.Department, Roles.DepartmentHead);
    private static readonly StaffMember EDesk = Member("edesk", null, Roles.EDesk);

    [Fact]
    public void AnOpenTask_MayBeClaimedAndCompletedByEveryoneItFits()
    {
        var task = DepartmentTask();

        Assert.All([Holder, Colleague, Head], member => Assert.Null(task.RefuseClaim(member)));
        Assert.All([Holder, Colleague, Head], member => Assert.Null(task.RefuseCompletion(member)));
    }

    [Fact]
    public void WrongDepartmentOrRole_IsForbidden_WhateverTheAction()
    {
        var task = Claimed(DepartmentTask(), Holder);

        foreach (var outsider in new[] { OtherDepartment, OtherHead, EDesk })
        {
            AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskNotYours, task.RefuseClaim(outsider));
            AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskNotYours, task.RefuseCompletion(outsider));
            AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskNotYours, task.RefuseRelease(outsider));
            AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskAssignHeadOnly, task.RefuseAssignment(outsider, "billing"));
        }
    }

    [Fact]
    public void TheHolder_MayClaimAgain_ReleaseAndComplete()
    {
        var task = Claimed(DepartmentTask(), Holder);

        Assert.True(task.IsHeldBy(Holder));
        Assert.Null(task.RefuseClaim(Holder));
        Assert.Null(task.RefuseRelease(Holder));
        Assert.Null(task.RefuseCompletion(Holder));
    }

    [Fact]
    public void AColleague_FindsTheTaskTaken_AndMayNotReleaseIt()
    {
        var task = Claimed(DepartmentTask(), Holder);

        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskTaken, task.RefuseClaim(Colleague));
        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskTaken, task.RefuseCompletion(Colleague));
        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskHeldByColleague, task.RefuseRelease(Colleague));
        AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskAssignHeadOnly, task.RefuseAssignment(Colleague, "billing"));
    }

    [Fact]
    public void TheHead_MayReleaseAndAssignWithinTheDepartmentOnly()
    {
        var task = Claimed(DepartmentTask(), Holder);

        Assert.Null(task.RefuseRelease(Head));
        Assert.Null(task.RefuseAssignment(Head, "billing"));
        AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskAssignHeadOnly, task.RefuseAssignment(Head, "metering"));
        AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskAssignHeadOnly, task.RefuseAssignment(Head, null));
    }

    [Fact]
    public void AnOpenTask_CannotBeReleased()
    {
        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskNotClaimed, DepartmentTask().RefuseRelease(Head));
    }

    [Fact]
    public void ADoneTask_IsAConflict_ForThoseItFits()
    {
        var task = DepartmentTask();
        task.Status = HumanTaskStatus.Completed;

        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskDone, task.RefuseClaim(Holder));
        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskDone, task.RefuseCompletion(Holder));
        AssertRefused(TaskRefusalKind.Conflict, WorkflowMessages.TaskDone, task.RefuseAssignment(Head, "billing"));
    }

    [Fact]
    public void ANonDepartmentalRole_FitsWhateverTheMembersDepartment()
    {
        var task = new HumanTask { TrackingCode = "1", CaseType = "complaint", NodeId = "edesk-review", Title = "t", CandidateRole = Roles.EDesk };

        Assert.Null(task.RefuseClaim(EDesk));
        Assert.Null(task.RefuseClaim(EDesk with { Department = "billing" }));
        AssertRefused(TaskRefusalKind.Forbidden, WorkflowMessages.TaskNotYours, task.RefuseClaim(Holder));
    }

    [Fact]
    public void ClaimAndRelease_MoveTheTaskBetweenTheMemberAndTheQueue()
    {
        var task = DepartmentTask();

        task.ClaimFor(Holder.UserName, Now);
        Assert.Equal((HumanTaskStatus.Claimed, Holder.UserName, (DateTimeOffset?)Now), (task.Status, task.Assignee, task.ClaimedAt));

        task.Release();
        Assert.Equal((HumanTaskStatus.Open, (string?)null, (DateTimeOffset?)null), (task.Status, task.Assignee, task.ClaimedAt));
    }

    private static void AssertRefused(TaskRefusalKind kind, string code, TaskRefusal? refusal)
    {
        Assert.NotNull(refusal);
        Assert.Equal((kind, code), (refusal.Kind, refusal.Message.Code));
    }

    private static HumanTask DepartmentTask() => new()
    {
        TrackingCode = "12345678901234",
        CaseType = "complaint",
        NodeId = "department-answer",
        Title = "پاسخ واحد",
        CandidateRole = Roles.Department,
        Department = "billing",
    };

    private static HumanTask Claimed(HumanTask task, StaffMember member)
    {
        task.ClaimFor(member.UserName, Now);
        return task;
    }

    private static StaffMember Member(string name, string? department, params string[] roles) =>
        new(name, roles.ToHashSet(StringComparer.Ordinal), department, null);
}
