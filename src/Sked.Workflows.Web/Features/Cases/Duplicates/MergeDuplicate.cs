using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Cases.Duplicates;

/// <summary>
/// Merges a duplicate into an open case of the same citizen: the duplicate points at it
/// (<see cref="CaseFile.MergedIntoId"/>), so the answer published on that case reaches the duplicate's tracking
/// page too; both cases get an audit event, and the duplicate's workflow ends in the same unit. POST /api/v1/cases/{trackingCode}/merge <c>{into}</c> (e-desk) and
/// the case page's panel both call <see cref="Handler"/>.
/// </summary>
public static class MergeDuplicate
{
    public sealed record Request(string Duplicate, string Into);

    public sealed record Body(string Into);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, EngineRunner runner)
    {
        public async Task<WorkflowResult> HandleAsync(Request request, StaffMember staff, CancellationToken cancellationToken)
        {
            if (!PossibleDuplicates.MayMerge(staff))
            {
                return WorkflowResult.Forbidden(WorkflowMessages.CaseNotFound);
            }

            CaseFile? duplicate, into;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                duplicate = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == request.Duplicate, cancellationToken);
                into = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == request.Into, cancellationToken);
            }

            if (duplicate is null || into is null)
            {
                return WorkflowResult.NotFound(WorkflowMessages.CaseNotFound);
            }

            if (Refuse(duplicate, into) is { } refusal)
            {
                return WorkflowResult.Conflict(refusal);
            }

            return await runner.RunAsync(async step =>
            {
                var merged = await step.ChangeCaseAsync(duplicate.Id, staff, async (db, @case) =>
                {
                    @case.MergedIntoId = into.Id;
                    return [new AuditEffect(new CaseMerged(into.Id, into.TrackingCode), staff.UserName),
                        .. await CloseOpenTasksAsync(db, @case, staff, cancellationToken)];
                }, new EndSignal(staff.UserName), "merged", cancellationToken);
                return merged.Kind != WorkflowResultKind.Ok ? merged : await step.ChangeCaseAsync(into.Id, staff, (_, _) =>
                    Task.FromResult<IReadOnlyList<Effect>>([new AuditEffect(new DuplicateLinked(duplicate.Id, duplicate.TrackingCode), staff.UserName)]),
                    null, "merged", cancellationToken);
            }, cancellationToken);
        }

        /// <summary>
        /// The duplicate's work ends with the merge, in its unit: every open or claimed task is cancelled (it leaves
        /// the inboxes) with its audit event, and the <see cref="EndSignal"/> completes its workflow and stops the
        /// waiting step's timers, so no deadline, escalation or overdue count goes on for work done in the case kept.
        /// </summary>
        private static async Task<IReadOnlyList<Effect>> CloseOpenTasksAsync(SkedDbContext db, CaseFile duplicate, StaffMember staff, CancellationToken cancellationToken)
        {
            var open = await db.Tasks
                .Where(t => t.CaseId == duplicate.Id && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
                .ToListAsync(cancellationToken);
            return [.. open.SelectMany(task => new Effect[]
            {
                new CancelTask(task.Id),
                new AuditEffect(new DuplicateTaskClosed(task.Id, task.NodeId, task.Assignee), staff.UserName),
            })];
        }

        private static string? Refuse(CaseFile duplicate, CaseFile into) =>
            duplicate.Id == into.Id ? DuplicateTexts.SameCase
            : duplicate.MergedIntoId is not null ? DuplicateTexts.AlreadyMerged
            : into.MergedIntoId is not null ? DuplicateTexts.IntoMerged
            : into.ClosedAt is not null ? DuplicateTexts.IntoClosed
            : !CitizenKeys.Of(duplicate).Intersect(CitizenKeys.Of(into), StringComparer.Ordinal).Any() ? DuplicateTexts.NotSameCitizen
            : null;
    }

    public static RouteGroupBuilder MapMergeDuplicate(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{trackingCode}/merge", async (string trackingCode, Body body, HttpContext http, Handler handler, CancellationToken cancellationToken) =>
            {
                if (!TrackingCode.TryParse(trackingCode, out var duplicate) || !TrackingCode.TryParse(body.Into, out var into))
                {
                    return ApiResults.Invalid("into", Message.Of(CaseLookupErrors.TrackingCodeFormat));
                }

                return ApiResults.From(await handler.HandleAsync(new Request(duplicate.Value, into.Value), http.Member(), cancellationToken));
            })
            .RequireAuthorization(Policies.EDesk).WithTags("Cases");
        return api;
    }
}
