using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.CitizenReplies;

/// <summary>
/// The citizen answers the question staff asked, on the tracking page (a letter with its password): the
/// answer goes on the timeline, the holders of the case's open tasks hear of it, and the step waiting
/// for it resumes — which starts the case's clock again (awaitReply with pauseClock). Only while the
/// case awaits the citizen. POST /api/v1/cases/{trackingCode}/reply (X-Tracking-Password for letters).
/// </summary>
public static class ReplyToQuestion
{
    public const int TextMax = 2000;

    public sealed record Request(string? Text);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, EngineRunner runner, Cases.LetterGuesses guesses)
    {
        public async Task<WorkflowResult> HandleAsync(TrackingCode code, string? password, string? text, Actor citizen, CancellationToken cancellationToken)
        {
            var reply = PersianText.Normalize(text);
            if (Invalid(reply) is { } invalid)
            {
                return invalid;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var found = await db.Cases.AsNoTracking().Where(c => c.TrackingCode == code.Value)
                .Select(c => new { c.Id, c.Status, c.PasswordHash }).SingleOrDefaultAsync(cancellationToken);
            if (found is null || guesses.Opens(code.Value, found.PasswordHash, password) != Cases.LetterGuesses.Check.Opened)
            {
                return WorkflowResult.NotFound(ReplyTexts.NotFound);
            }

            return await ReplyAsync(found.Id, found.Status, reply, citizen, cancellationToken);
        }

        /// <summary>The reply from the tracking page, which opened the case by its code (and password) in this request.</summary>
        public Task<WorkflowResult> HandleOpenedAsync(CaseFile opened, string? text, Actor citizen, CancellationToken cancellationToken)
        {
            var reply = PersianText.Normalize(text);
            return Invalid(reply) is { } invalid ? Task.FromResult(invalid) : ReplyAsync(opened.Id, opened.Status, reply, citizen, cancellationToken);
        }

        // The reply as normalised: empty or too long is a field error.
        private static WorkflowResult? Invalid(string reply) =>
            reply.Length is 0 or > TextMax
                ? WorkflowResult.Invalid(new Dictionary<string, Message[]>(StringComparer.Ordinal)
                {
                    ["text"] = [Message.Of(ReplyTexts.TextRequired, Catalogue.Number(TextMax))],
                })
                : null;

        private async Task<WorkflowResult> ReplyAsync(Guid caseId, string status, string reply, Actor citizen, CancellationToken cancellationToken)
        {
            if (status != CaseStatuses.AwaitingCitizen)
            {
                return WorkflowResult.Conflict(ReplyTexts.NotAwaiting);
            }

            var id = Guid.CreateVersion7();
            return await runner.RunAsync(step => step.ChangeCaseAsync(caseId, citizen, async (unit, @case) =>
            {
                unit.Timeline.Add(new CaseTimelineEntry { CaseId = @case.Id, At = step.Now, Status = @case.Status, Detail = Catalogue.Render(ReplyTexts.Timeline, reply) });
                var notice = Catalogue.Render(ReplyTexts.Notice, @case.TrackingCode);
                var open = await unit.Tasks.AsNoTracking().Where(t => t.CaseId == @case.Id && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
                    .ToListAsync(cancellationToken);
                List<Effect> effects = [new AuditEffect(new CitizenMessageReceived(id, "tracking"), Actor.CitizenName)];
                effects.AddRange(open.Select(task => new StaffNoticeEffect(StaffNoticeKinds.CitizenReplied,
                    Infrastructure.StaffNotices.StaffGroups.Of(task.CandidateRole, task.Department), notice, task.Id)));
                return effects;
            }, new CitizenRepliedSignal(id, reply), StaffNoticeKinds.CitizenReplied, cancellationToken), cancellationToken);
        }
    }

    public static RouteGroupBuilder MapReplyToQuestion(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{trackingCode}/reply", async (string trackingCode, Request request, [FromHeader(Name = "X-Tracking-Password")] string? password,
                HttpContext http, Handler handler, CancellationToken ct) =>
            TrackingCode.TryParse(trackingCode, out var code)
                ? ApiResults.From(await handler.HandleAsync(code, password, request.Text, Actor.Citizen(http.Connection.RemoteIpAddress?.ToString()), ct))
                : Results.NotFound())
            .RequireRateLimiting(WebApiRegistration.SubmissionLimit)
            .WithTags("Cases");
        return api;
    }
}
