using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// The engine's transactional shell, and the only place that loads, applies and commits: a use case
/// hands it one unit of work (read, decide, apply a signal or change a task); the runner gives the
/// unit a transaction (<see cref="EngineStep"/>) and runs it again from the start when another writer
/// changed the same rows first (optimistic concurrency). What may be done is the use case's rule.
/// </summary>
public sealed partial class EngineRunner(
    IDbContextFactory<SkedDbContext> dbFactory,
    DefinitionCatalog definitions,
    DepartmentDirectory departments,
    TimeProvider time,
    IOptions<EngineOptions> options,
    OutboxNudge nudge,
    TaskFeed feed,
    ILogger<EngineRunner> logger)
{
    private const int TrackingCodeAttempts = 5;

    internal DefinitionCatalog Definitions => definitions;

    internal EngineEnvironment Environment => new(departments.ByCode, options.Value.ToLimits());

    internal OutboxNudge Nudge => nudge;

    internal TaskFeed Feed => feed;

    /// <summary>
    /// Runs one unit of work in its own transaction; a unit that commits nothing (a refusal) rolls
    /// back. Losing a race re-runs the whole unit on fresh rows, so its rule sees what the winner did.
    /// </summary>
    public async Task<WorkflowResult> RunAsync(Func<EngineStep, Task<WorkflowResult>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                return await work(new EngineStep(this, db, transaction, time.GetUtcNow()));
            }
            catch (DbUpdateConcurrencyException) when (attempt >= options.Value.ConflictRetries)
            {
                return WorkflowResult.Conflict(WorkflowMessages.TaskChangedMeanwhile);
            }
            catch (DbUpdateException) when (attempt < options.Value.ConflictRetries)
            {
                // Another transaction moved the instance first (a stale version, or the unique task of
                // the same activation already inserted): load it again and re-apply the signal.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Starts a case from a submission its use case has validated, on the latest definition of its
    /// type; a tracking code that collides with an existing one is drawn again.
    /// </summary>
    public async Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken)
    {
        var workflow = await definitions.LatestAsync(submission.Type!, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(submission, workflow, actor, attachments, cancellationToken);
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

    internal void ReportIncident(WorkflowInstance instance) => LogIncident(logger, instance.Id, instance.CurrentNodeId, instance.LastError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting a case failed on attempt {Attempt} ({Error}); retrying with a new tracking code")]
    private static partial void LogStartRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} is an incident at node {NodeId}: {Error}")]
    private static partial void LogIncident(ILogger logger, Guid instanceId, string? nodeId, string? error);
}
