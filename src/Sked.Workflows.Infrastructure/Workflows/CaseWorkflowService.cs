using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// The engine's transactional shell. Each operation loads the instance, lets the interpreter apply
/// one signal and commits the case, instance, tasks, timers, audit and outbox in one transaction,
/// retrying when another writer changed the instance first (optimistic concurrency).
/// </summary>
public sealed partial class CaseWorkflowService(
    IDbContextFactory<SkedDbContext> dbFactory,
    DefinitionCatalog definitions,
    DepartmentDirectory departments,
    TimeProvider time,
    IOptions<EngineOptions> options,
    OutboxNudge nudge,
    TaskFeed feed,
    ILogger<CaseWorkflowService> logger)
{
    private const int TrackingCodeAttempts = 5;

    private EngineEnvironment Environment => new(departments.ByCode, options.Value.ToLimits());

    /// <summary>Validates a submission and starts its case on the latest definition of its type.</summary>
    public async Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, CancellationToken cancellationToken,
        IReadOnlyList<CaseAttachment>? attachments = null)
    {
        var check = SubmissionValidator.Check(submission);
        if (!check.IsValid)
        {
            return new StartedCase(WorkflowResult.Invalid(check.Errors));
        }

        var workflow = await definitions.LatestAsync(check.Submission.Type!, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(check.Submission, workflow, actor, attachments ?? [], cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < TrackingCodeAttempts)
            {
                // A tracking code collided with an existing one (unique index); draw another.
                LogStartRetry(logger, attempt, ex.GetType().Name);
            }
        }
    }

    private async Task<StartedCase> TryStartAsync(CaseSubmission submission, CompiledWorkflow workflow, Actor actor,
        IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var @case = CaseFactory.Create(submission, TrackingCode.New().Value, now);
        var instance = new WorkflowInstance
        {
            CaseId = @case.Id,
            DefinitionId = workflow.Id,
            DefinitionVersion = workflow.Version,
            StartedAt = now,
            UpdatedAt = now,
        };
        var result = Interpreter.Apply(workflow, @case, instance, new StartSignal(actor.Name), now, Environment);
        if (result.Status == SignalStatus.Rejected)
        {
            return new StartedCase(WorkflowResult.Invalid(result.Errors!));
        }

        db.Cases.Add(@case);
        db.Instances.Add(instance);
        foreach (var attachment in attachments)
        {
            attachment.CaseId = @case.Id;
            attachment.CreatedAt = now;
            db.Attachments.Add(attachment);
        }

        var password = await new EffectWriter(db, @case, instance, actor, now).ApplyAsync(result.Effects, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        nudge.Notify();
        feed.Publish(new TaskChangedEventArgs(@case.TrackingCode, null, "started"));
        return new StartedCase(WorkflowResult.Ok, @case.TrackingCode, password, @case.ExpectedAnswerAt);
    }

    /// <summary>Claims an open task for the member; of two concurrent claims exactly one wins.</summary>
    public Task<WorkflowResult> ClaimAsync(Guid taskId, StaffMember staff, CancellationToken cancellationToken) =>
        ChangeTaskAsync(taskId, staff, Engine.Audit.Events.TaskClaimed.Of, task =>
        {
            if (!staff.Fits(task.CandidateRole, task.Department))
            {
                return WorkflowResult.Forbidden("این کار به نقش یا واحد شما ارجاع نشده است.");
            }

            if (task.Status == HumanTaskStatus.Claimed && task.Assignee == staff.UserName)
            {
                return WorkflowResult.Ok;
            }

            if (!task.IsActive || task.Status == HumanTaskStatus.Claimed)
            {
                return WorkflowResult.Conflict(task.IsActive ? "این کار را همکار دیگری برداشته است." : "این کار پیش‌تر انجام شده است.");
            }

            task.Status = HumanTaskStatus.Claimed;
            task.Assignee = staff.UserName;
            task.ClaimedAt = time.GetUtcNow();
            return null;
        }, cancellationToken);

    /// <summary>Puts a claimed task back in the group's queue (its holder, or the department head).</summary>
    public Task<WorkflowResult> ReleaseAsync(Guid taskId, StaffMember staff, CancellationToken cancellationToken) =>
        ChangeTaskAsync(taskId, staff, Engine.Audit.Events.TaskReleased.Of, task =>
        {
            var holds = task.Assignee == staff.UserName;
            if (!holds && !staff.HeadsDepartment(task.Department))
            {
                return staff.Fits(task.CandidateRole, task.Department)
                    ? WorkflowResult.Conflict("این کار در دست همکار دیگری است.")
                    : WorkflowResult.Forbidden("این کار به نقش یا واحد شما ارجاع نشده است.");
            }

            if (task.Status != HumanTaskStatus.Claimed)
            {
                return WorkflowResult.Conflict("این کار برداشته نشده است.");
            }

            task.Status = HumanTaskStatus.Open;
            task.Assignee = null;
            task.ClaimedAt = null;
            return null;
        }, cancellationToken);

    /// <summary>A department head hands an open or claimed task of the department to one of its members.</summary>
    public Task<WorkflowResult> AssignAsync(Guid taskId, StaffMember head, string assignee, string assigneeDepartment, CancellationToken cancellationToken) =>
        ChangeTaskAsync(taskId, head, Engine.Audit.Events.TaskAssigned.Of, task =>
        {
            if (!head.HeadsDepartment(task.Department) || assigneeDepartment != task.Department)
            {
                return WorkflowResult.Forbidden("فقط مدیر همین واحد می‌تواند کار را به یکی از کارکنان واحد بسپارد.");
            }

            if (!task.IsActive)
            {
                return WorkflowResult.Conflict("این کار پیش‌تر انجام شده است.");
            }

            task.Status = HumanTaskStatus.Claimed;
            task.Assignee = assignee;
            task.ClaimedAt = time.GetUtcNow();
            return null;
        }, cancellationToken);

    private async Task<WorkflowResult> ChangeTaskAsync(Guid taskId, StaffMember staff, Func<HumanTask, Engine.Audit.AuditEventData> audit, Func<HumanTask, WorkflowResult?> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await db.Tasks.FindAsync([taskId], cancellationToken);
        if (task is null)
        {
            return WorkflowResult.NotFound("کار پیدا نشد.");
        }

        var refused = change(task);
        if (refused is not null)
        {
            return refused;
        }

        task.Version++;
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == task.CaseId, cancellationToken);
        var audited = audit(task);
        new EffectWriter(db, @case, instance, staff, time.GetUtcNow()).Audit(audited);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            feed.Publish(new TaskChangedEventArgs(task.TrackingCode, task.Id, Engine.Audit.AuditEvents.NameOf(audited)));
            return WorkflowResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict("این کار هم‌زمان به دست همکار دیگری تغییر کرد.");
        }
    }

    /// <summary>Completes a task with an outcome and form data, and runs the case to its next wait state.</summary>
    public Task<WorkflowResult> CompleteAsync(Guid taskId, StaffMember staff, string outcome, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken) =>
        WithConflictRetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var task = await db.Tasks.FindAsync([taskId], cancellationToken);
            if (task is null)
            {
                return WorkflowResult.NotFound("کار پیدا نشد.");
            }

            var refused = CheckCompletion(task, staff);
            if (refused is not null)
            {
                return refused;
            }

            var claimedNow = task.Status == HumanTaskStatus.Open;
            if (claimedNow)
            {
                task.Status = HumanTaskStatus.Claimed;
                task.Assignee = staff.UserName;
                task.ClaimedAt = time.GetUtcNow();
            }

            return await ApplyAsync(db, transaction, task.InstanceId, staff, new TaskCompletedSignal(task, outcome, data, staff.UserName), claimedNow, cancellationToken);
        });

    private static WorkflowResult? CheckCompletion(HumanTask task, StaffMember staff)
    {
        if (!staff.Fits(task.CandidateRole, task.Department))
        {
            return WorkflowResult.Forbidden("این کار به نقش یا واحد شما ارجاع نشده است.");
        }

        if (!task.IsActive)
        {
            return WorkflowResult.Conflict("این کار پیش‌تر انجام شده است.");
        }

        return task.Status == HumanTaskStatus.Claimed && task.Assignee != staff.UserName
            ? WorkflowResult.Conflict("این کار را همکار دیگری برداشته است.")
            : null;
    }

    /// <summary>Delivers a due timer; a timer that already fired or was cancelled is ignored.</summary>
    public Task<WorkflowResult> FireTimerAsync(Guid timerId, CancellationToken cancellationToken) =>
        WithConflictRetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var timer = await db.Timers.FindAsync([timerId], cancellationToken);
            if (timer is null || timer.Status != TimerStatus.Pending)
            {
                return WorkflowResult.Ok;
            }

            return await ApplyAsync(db, transaction, timer.InstanceId, Actor.System, new TimerDueSignal(timer), autoClaimed: false, cancellationToken);
        });

    /// <summary>Runs a failed node again (an operator's answer to an incident).</summary>
    public Task<WorkflowResult> RetryAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken) =>
        WithConflictRetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return await ApplyAsync(db, transaction, instanceId, actor, new RetrySignal(actor.Name), autoClaimed: false, cancellationToken);
        });

    private async Task<WorkflowResult> ApplyAsync(SkedDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        Guid instanceId, Actor actor, Signal signal, bool autoClaimed, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.FindAsync([instanceId], cancellationToken);
        if (instance is null)
        {
            return WorkflowResult.NotFound("پرونده پیدا نشد.");
        }

        var @case = await db.Cases.SingleAsync(c => c.Id == instance.CaseId, cancellationToken);
        var workflow = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var now = time.GetUtcNow();
        var result = Interpreter.Apply(workflow, @case, instance, signal, now, Environment);
        switch (result.Status)
        {
            case SignalStatus.Rejected:
                return WorkflowResult.Invalid(result.Errors!);
            case SignalStatus.Conflict:
                return WorkflowResult.Conflict(result.Message!);
            case SignalStatus.Ignored:
                return WorkflowResult.Ok;
        }

        var writer = new EffectWriter(db, @case, instance, actor, now);
        if (autoClaimed && signal is TaskCompletedSignal { Task: var task })
        {
            // Completing an open task claims it first; the audit shows both steps.
            writer.Audit(new Engine.Audit.Events.TaskClaimed(task.Id, task.NodeId, task.Assignee));
        }

        await writer.ApplyAsync(result.Effects, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        nudge.Notify();
        feed.Publish(new TaskChangedEventArgs(@case.TrackingCode, (signal as TaskCompletedSignal)?.Task.Id, signal.GetType().Name));
        if (instance.Status == InstanceStatus.Incident)
        {
            LogIncident(logger, instance.Id, instance.CurrentNodeId, instance.LastError);
        }

        return WorkflowResult.Ok;
    }

    private async Task<WorkflowResult> WithConflictRetryAsync(Func<Task<WorkflowResult>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (DbUpdateException) when (attempt < options.Value.ConflictRetries)
            {
                // Another transaction moved the instance first (a stale version, or the unique task of
                // the same activation already inserted): load it again and re-apply the signal.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting a case failed on attempt {Attempt} ({Error}); retrying with a new tracking code")]
    private static partial void LogStartRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} is an incident at node {NodeId}: {Error}")]
    private static partial void LogIncident(ILogger logger, Guid instanceId, string? nodeId, string? error);
}
