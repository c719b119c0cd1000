using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// One attempt of a unit of work, inside its transaction: read the rows a rule needs, then commit
/// either a task's change or a signal applied by the interpreter, with the case, instance, tasks,
/// timers, audit and outbox rows it brings. The change is announced on the task feed after commit.
/// </summary>
public sealed class EngineStep
{
    private readonly EngineRunner _runner;
    private readonly UnitScope _scope;
    private readonly SkedDbContext _db;

    internal EngineStep(EngineRunner runner, UnitScope scope)
    {
        _runner = runner;
        _scope = scope;
        _db = scope.Db;
    }

    /// <summary>The moment this attempt acts at (one clock reading for the whole unit).</summary>
    public DateTimeOffset Now => _scope.Now;

    public async Task<HumanTask?> TaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        await _db.Tasks.FindAsync([taskId], cancellationToken);

    public async Task<WorkflowTimer?> TimerAsync(Guid timerId, CancellationToken cancellationToken) =>
        await _db.Timers.FindAsync([timerId], cancellationToken);

    /// <summary>Commits a change the use case made to a task (claim, release, assign), audited as <paramref name="audited"/>.</summary>
    public async Task<WorkflowResult> CommitTaskAsync(HumanTask task, Actor actor, AuditEventData audited, CancellationToken cancellationToken)
    {
        task.Version++;
        var instance = await _db.Instances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var @case = await _db.Cases.AsNoTracking().SingleAsync(c => c.Id == task.CaseId, cancellationToken);
        var writer = new EffectWriter(_scope, @case, instance, actor, _runner.MailDomain);
        writer.Audit(audited);
        if (audited is TaskAssigned { Assignee: { } assignee } && assignee != actor.Name)
        {
            writer.Notice(StaffNoticeKinds.Assigned, assignee, task.Id, Domain.Text.Catalogue.Render(StaffNotices.StaffNoticeTexts.Assigned, task.Title, task.TrackingCode));
        }

        await _scope.SaveAsync(cancellationToken);
        _runner.AfterCommit(_scope, writer, new TaskChangedEventArgs(task.TrackingCode, task.Id, AuditEvents.NameOf(audited)));
        return WorkflowResult.Ok;
    }

    /// <summary>
    /// Commits a change to a case that is no signal to its workflow (a citizen's mail arrived, an address
    /// bounced): <paramref name="change"/> edits the tracked case and adds its rows, and returns the
    /// effects (audit, notices) to write with it. The instance's version moves, so a concurrent step
    /// on the same case makes one of the two run again.
    /// </summary>
    /// <remarks>
    /// <paramref name="announced"/> is the kind of change the task feed announces (open inboxes tell
    /// the holder). <paramref name="signal"/>, when given, is applied in the same transaction where the workflow takes
    /// it (a citizen's reply resumes a step that waits for one) and is otherwise ignored.
    /// </remarks>
    public async Task<WorkflowResult> ChangeCaseAsync(Guid caseId, Actor actor, Func<SkedDbContext, CaseFile, Task<IReadOnlyList<Effect>>> change,
        Signal? signal, string announced, CancellationToken cancellationToken)
    {
        var instance = await _db.Instances.SingleOrDefaultAsync(i => i.CaseId == caseId, cancellationToken);
        if (instance is null)
        {
            return WorkflowResult.NotFound(WorkflowMessages.CaseNotFound);
        }

        var @case = await _db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        List<Effect> effects = [.. await change(_db, @case)];
        if (signal is not null)
        {
            var workflow = await _runner.Definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            var result = Interpreter.Apply(workflow, @case, instance, signal, Now, _runner.Environment);
            if (result.Status == SignalStatus.Applied)
            {
                effects.AddRange(result.Effects);
            }
        }

        var writer = new EffectWriter(_scope, @case, instance, actor, _runner.MailDomain);
        await writer.ApplyAsync(effects, cancellationToken);
        await _scope.SaveAsync(cancellationToken);
        _runner.AfterCommit(_scope, writer, new TaskChangedEventArgs(@case.TrackingCode, null, announced));
        return WorkflowResult.Ok;
    }

    /// <summary>Completes a task the member may complete; an open task is claimed for them first, and the audit shows both steps.</summary>
    public Task<WorkflowResult> CompleteAsync(HumanTask task, StaffMember staff, string outcome, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var claimedNow = task.Status == HumanTaskStatus.Open;
        if (claimedNow)
        {
            task.ClaimFor(staff.UserName, Now);
        }

        return ApplyAsync(task.InstanceId, staff, new TaskCompletedSignal(task, outcome, data, staff.UserName),
            claimedNow ? writer => writer.Audit(new TaskClaimed(task.Id, task.NodeId, task.Assignee)) : null, cancellationToken);
    }

    /// <summary>Applies a signal to the instance and commits what it brings; a rejected or conflicting signal commits nothing.</summary>
    public Task<WorkflowResult> SignalAsync(Guid instanceId, Actor actor, Signal signal, CancellationToken cancellationToken) =>
        ApplyAsync(instanceId, actor, signal, first: null, cancellationToken);

    private async Task<WorkflowResult> ApplyAsync(Guid instanceId, Actor actor, Signal signal, Action<EffectWriter>? first, CancellationToken cancellationToken)
    {
        var instance = await _db.Instances.FindAsync([instanceId], cancellationToken);
        if (instance is null)
        {
            return WorkflowResult.NotFound(WorkflowMessages.CaseNotFound);
        }

        var @case = await _db.Cases.SingleAsync(c => c.Id == instance.CaseId, cancellationToken);
        var workflow = await _runner.Definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var result = Interpreter.Apply(workflow, @case, instance, signal, Now, _runner.Environment);
        switch (result.Status)
        {
            case SignalStatus.Rejected:
                return WorkflowResult.Invalid(result.Errors!);
            case SignalStatus.Conflict:
                return WorkflowResult.Conflict(result.Reason ?? Domain.Text.Message.Of(WorkflowMessages.TaskNoLongerOpen));
            case SignalStatus.Ignored:
                return WorkflowResult.Ok;
        }

        var writer = new EffectWriter(_scope, @case, instance, actor, _runner.MailDomain);
        first?.Invoke(writer);
        await writer.ApplyAsync(result.Effects, cancellationToken);
        await _scope.SaveAsync(cancellationToken);
        _runner.AfterCommit(_scope, writer, new TaskChangedEventArgs(@case.TrackingCode, (signal as TaskCompletedSignal)?.Task.Id, signal.GetType().Name));
        if (instance.Status == InstanceStatus.Incident)
        {
            _scope.AfterCommit(() => _runner.ReportIncident(instance));
        }

        return WorkflowResult.Ok;
    }
}
