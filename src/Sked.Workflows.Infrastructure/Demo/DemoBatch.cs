using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>
/// Demo cases written in bulk: each case is started and moved through the real interpreter and effect
/// writer, as <see cref="EngineRunner"/> does, but many cases share one transaction. Every signal is
/// flushed (SaveChanges, no commit) so the next one reads what it wrote — the timers it cancels, the
/// FAQ entry it counts — and the audit events are sealed into the chain in order. Only for an empty
/// database at start-up, when nobody else writes: a failure rolls the whole batch back.
/// </summary>
internal sealed class DemoBatch(SkedDbContext db, IDbContextTransaction transaction, EngineRunner runner, TimeProvider time, ISet<string> codes)
{
    private DateTimeOffset _now;
    private CaseFile? _case;
    private WorkflowInstance? _instance;

    /// <summary>Starts a case from a validated submission; null if the workflow rejects it.</summary>
    public async Task<CaseFile?> StartAsync(CaseSubmission submission, Actor actor, CancellationToken cancellationToken)
    {
        // Forget the previous case, so each flush looks only at this case's rows.
        db.ChangeTracker.Clear();
        _now = time.GetUtcNow();
        var workflow = await runner.Definitions.LatestAsync(submission.Type!, cancellationToken);
        var @case = CaseFactory.Create(submission, NewTrackingCode(), _now);
        var instance = new WorkflowInstance
        {
            CaseId = @case.Id,
            DefinitionId = workflow.Id,
            DefinitionVersion = workflow.Version,
            StartedAt = _now,
            UpdatedAt = _now,
        };
        var result = Interpreter.Apply(workflow, @case, instance, new StartSignal(actor.Name), _now, runner.Environment);
        if (result.Status != SignalStatus.Applied)
        {
            return null;
        }

        db.Cases.Add(@case);
        db.Instances.Add(instance);
        await new EffectWriter(db, @case, instance, actor, _now).ApplyAsync(result.Effects, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        (_case, _instance) = (@case, instance);
        return @case;
    }

    /// <summary>The current case's open or claimed task, if any.</summary>
    public HumanTask? OpenTask() => db.Tasks.Local.FirstOrDefault(t => t.CaseId == _case?.Id && t.IsActive);

    /// <summary>The properties (outcomes, form) of the human-task node a task of the current case waits at.</summary>
    public async Task<HumanTaskNode.Props> NodeAsync(HumanTask task, CancellationToken cancellationToken)
    {
        var workflow = await runner.Definitions.GetAsync(_instance!.DefinitionId, _instance.DefinitionVersion, cancellationToken);
        return workflow.Node(task.NodeId).PropertiesAs<HumanTaskNode.Props>();
    }

    /// <summary>Completes a task of the current case as <paramref name="member"/> would (claiming it first); false if the engine refuses.</summary>
    public async Task<bool> CompleteAsync(HumanTask task, StaffMember member, string outcome, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (_case is null || _instance is null || task.RefuseCompletion(member) is not null)
        {
            return false;
        }

        var claimedNow = task.Status == HumanTaskStatus.Open;
        if (claimedNow)
        {
            task.ClaimFor(member.UserName, _now);
        }

        var workflow = await runner.Definitions.GetAsync(_instance.DefinitionId, _instance.DefinitionVersion, cancellationToken);
        var result = Interpreter.Apply(workflow, _case, _instance, new TaskCompletedSignal(task, outcome, data, member.UserName), _now, runner.Environment);
        if (result.Status != SignalStatus.Applied)
        {
            return false;
        }

        var writer = new EffectWriter(db, _case, _instance, member, _now);
        if (claimedNow)
        {
            writer.Audit(new TaskClaimed(task.Id, task.NodeId, task.Assignee));
        }

        await writer.ApplyAsync(result.Effects, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Commits the batch and wakes the outbox for the messages it holds.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        runner.Nudge.Notify();
    }

    // The database held no case when seeding began, so a code is unique once no earlier batch drew it.
    private string NewTrackingCode()
    {
        var code = TrackingCode.New().Value;
        return codes.Add(code) ? code : NewTrackingCode();
    }
}
