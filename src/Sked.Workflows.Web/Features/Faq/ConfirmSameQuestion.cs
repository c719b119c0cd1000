using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// POST /api/v1/faq/{id}/repeats {trackingCode}, and the task page's "yes, the same question": the
/// e-desk confirms a public CEO question asks what an entry (published, or an earlier public question)
/// asks. The repeat is counted, the citizen's subject is kept as an alternative wording (so matching
/// learns from staff), and at the workflow's threshold the entry is proposed. Audited on the case.
/// POST /api/v1/faq/repeats {trackingCode, earlierTrackingCode}: the same against an earlier public
/// question still open; it becomes an internal entry (its subject) that both count on.
/// </summary>
public static class ConfirmSameQuestion
{
    public sealed record Request(string TrackingCode, string? EarlierTrackingCode = null);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        /// <summary>Counts the case on entry <paramref name="id"/>, or (no id) on the request's earlier open question.</summary>
        public async Task<WorkflowResult> HandleAsync(Guid? id, Request request, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(FaqTexts.NotCurator);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.TrackingCode == request.TrackingCode, cancellationToken);
            var earlier = request.EarlierTrackingCode is { } code && id is null
                ? await db.Cases.SingleOrDefaultAsync(c => c.TrackingCode == code, cancellationToken)
                : null;
            if (@case is null || (id is null && earlier is null))
            {
                return WorkflowResult.NotFound(FaqTexts.NotFound);
            }

            if (!IsPublicQuestion(@case) || (earlier is not null && (!IsPublicQuestion(earlier) || earlier.Id == @case.Id)))
            {
                return WorkflowResult.Conflict(FaqTexts.NotPublicQuestion);
            }

            if (await db.FaqRepeats.AnyAsync(r => r.CaseId == @case.Id, cancellationToken))
            {
                return WorkflowResult.Conflict(FaqTexts.AlreadyConfirmed);
            }

            var now = time.GetUtcNow();
            return await FaqAudit.ChangeAsync(db, index, async () =>
            {
                var entry = earlier is null
                    ? await db.Faq.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
                    : await EntryOfAsync(db, earlier, member.UserName, now, cancellationToken);
                if (entry is null)
                {
                    return WorkflowResult.NotFound(FaqTexts.NotFound);
                }

                await RepeatCount.AddOneAsync(db, entry, cancellationToken);
                entry.AddAlternative(@case.Subject);
                entry.UpdatedAt = now;
                db.FaqRepeats.Add(new FaqRepeat { CaseId = @case.Id, FaqEntryId = entry.Id, ConfirmedBy = member.UserName, ConfirmedAt = now });
                FaqAudit.Add(db, new FaqRepeatConfirmed(entry.Id, entry.Repeats), member, now, @case);
                if (entry.ProposeIfDue(now))
                {
                    FaqAudit.Add(db, new FaqProposed(entry.Id, entry.Repeats), member, now, @case);
                }

                return WorkflowResult.Ok;
            }, cancellationToken);
        }

        private static bool IsPublicQuestion(CaseFile @case) => @case.Type == CaseTypes.CeoQuestion && @case.AnswerType == AnswerTypes.Public;

        /// <summary>
        /// The entry an earlier open question counts on, made for it now when it has none: its subject, kept
        /// internal, with the answer it has so far. Its promoteToFaq step sets the answer and the threshold later.
        /// </summary>
        private static async Task<FaqEntry> EntryOfAsync(SkedDbContext db, CaseFile earlier, string confirmedBy, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (await db.FaqRepeats.Where(r => r.CaseId == earlier.Id).Join(db.Faq, r => r.FaqEntryId, f => f.Id, (_, f) => f)
                .SingleOrDefaultAsync(cancellationToken) is { } counted)
            {
                return counted;
            }

            // The key the promoteToFaq node gives the question, so an identical later question counts here too.
            var key = PersianText.MatchKey(earlier.Subject + " " + earlier.Body);
            var entry = await db.Faq.SingleOrDefaultAsync(f => f.QuestionKey == key, cancellationToken);
            if (entry is null)
            {
                entry = new FaqEntry { QuestionKey = key, Question = earlier.Subject, Answer = earlier.Answer ?? string.Empty, UpdatedAt = now };
                db.Faq.Add(entry);
            }

            await RepeatCount.AddOneAsync(db, entry, cancellationToken);
            db.FaqRepeats.Add(new FaqRepeat { CaseId = earlier.Id, FaqEntryId = entry.Id, ConfirmedBy = confirmedBy, ConfirmedAt = now });
            return entry;
        }
    }

    public static RouteGroupBuilder MapConfirmSameQuestion(this RouteGroupBuilder api)
    {
        api.MapPost("/faq/{id:guid}/repeats", async (Guid id, Request request, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, request with { EarlierTrackingCode = null }, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ");
        api.MapPost("/faq/repeats", async (Request request, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(null, request, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ");
        return api;
    }
}
