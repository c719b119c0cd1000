using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Timers;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// The engine's transactional shell, and the only place that loads, applies and commits: a use case
/// hands it one unit of work (read, decide, apply a signal or change a task); the runner gives the
/// unit a transaction (<see cref="EngineStep"/>) and runs it again from the start when another writer
/// changed the same rows first (optimistic concurrency). What may be done is the use case's rule.
/// </summary>
public sealed partial class EngineRunner(
    GroupCommitter committer,
    DefinitionCatalog definitions,
    DepartmentDirectory departments,
    CurrentCalendar calendar,
    IOptions<EngineOptions> options,
    OutboxNudge nudge,
    TimerNudge timerNudge,
    TaskFeed feed,
    StaffNoticeFeed notices,
    IOptions<MailOptions> mail,
    Telemetry.SkedMetrics metrics,
    ILogger<EngineRunner> logger)
{
    /// <summary>The right-hand side of the Message-IDs of our mail: our own address's domain.</summary>
    internal string MailDomain { get; } = MailIds.DomainOf(mail.Value.Address);

    internal DefinitionCatalog Definitions => definitions;

    internal EngineEnvironment Environment => new(departments.ByCode, options.Value.ToLimits()) { Calendar = calendar.Value };

    /// <summary>
    /// Runs one unit of work in a transaction (shared with other units under load: a group commit) and
    /// answers once it is committed; a unit that commits nothing (a refusal) leaves nothing behind.
    /// Losing a race re-runs the whole unit on fresh rows, so its rule sees what the winner did.
    /// </summary>
    public Task<WorkflowResult> RunAsync(Func<EngineStep, Task<WorkflowResult>> work, CancellationToken cancellationToken) =>
        committer.RunAsync(scope => work(new EngineStep(this, scope)),
            () => WorkflowResult.Conflict(WorkflowMessages.TaskChangedMeanwhile), cancellationToken);

    /// <summary>
    /// Starts a case from a submission its use case has validated, on the latest definition of its
    /// type; a tracking code that collides with an existing one is drawn again (the unit runs again).
    /// </summary>
    public Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken) =>
        StartAsync(submission, actor, attachments, alongside: null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="alongside"/> adds the channel's own rows (the mail that opened the case)
    /// to the same transaction, after the start's effects are written and before they are saved.
    /// </summary>
    public async Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments,
        Func<UnitScope, CaseFile, Task>? alongside, CancellationToken cancellationToken)
    {
        var workflow = await definitions.LatestAsync(submission.Type!, cancellationToken);
        return await committer.RunAsync(scope => TryStartAsync(scope, submission, workflow, actor, attachments, alongside, cancellationToken),
            () => throw new InvalidOperationException("a new case met an optimistic-concurrency conflict."), cancellationToken);
    }

    private async Task<StartedCase> TryStartAsync(UnitScope scope, CaseSubmission submission, CompiledWorkflow workflow, Actor actor,
        IReadOnlyList<CaseAttachment> attachments, Func<UnitScope, CaseFile, Task>? alongside, CancellationToken cancellationToken)
    {
        var now = scope.Now;
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

        // Everything a start writes is new: kept aside and written with plain statements at save.
        scope.CollectNewRows();
        scope.Add(@case);
        foreach (var entry in @case.Timeline)
        {
            scope.Add(entry);
        }

        scope.Add(instance);
        foreach (var attachment in attachments)
        {
            attachment.CaseId = @case.Id;
            attachment.CreatedAt = now;
            scope.Add(attachment);
        }

        var writer = new EffectWriter(scope, @case, instance, actor, MailDomain);
        var password = await writer.ApplyAsync(result.Effects, cancellationToken);
        if (alongside is not null)
        {
            await alongside(scope, @case);
        }

        await scope.SaveAsync(cancellationToken);
        AfterCommit(scope, writer, new TaskChangedEventArgs(@case.TrackingCode, null, "started"));
        scope.AfterCommit(() => metrics.CaseStarted(@case.Type));
        return new StartedCase(WorkflowResult.Ok, @case.TrackingCode, password, @case.ExpectedAnswerAt);
    }

    /// <summary>Once the change is durable: wake the outbox and the timer poller if it gave them work, and tell the inboxes.</summary>
    internal void AfterCommit(UnitScope scope, EffectWriter writer, TaskChangedEventArgs change)
    {
        scope.AfterCommit(() =>
        {
            if (writer.WroteOutbox)
            {
                nudge.Notify();
            }

            if (writer.EarliestTimer is { } due)
            {
                timerNudge.Notify(due);
            }

            feed.Publish(change);
            notices.Publish(writer.Noticed);
            if (writer.Answered)
            {
                metrics.CaseAnswered(writer.CaseType);
            }
        });
    }

    internal void ReportIncident(WorkflowInstance instance) => LogIncident(logger, instance.Id, instance.CurrentNodeId, instance.LastError);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} is an incident at node {NodeId}: {Error}")]
    private static partial void LogIncident(ILogger logger, Guid instanceId, string? nodeId, string? error);
}
