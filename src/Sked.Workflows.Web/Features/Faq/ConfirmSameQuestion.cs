using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
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
/// </summary>
public static class ConfirmSameQuestion
{
    public sealed record Request(string TrackingCode);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, Request request, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(FaqTexts.NotCurator);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.TrackingCode == request.TrackingCode, cancellationToken);
            var entry = await db.Faq.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (@case is null || entry is null)
            {
                return WorkflowResult.NotFound(FaqTexts.NotFound);
            }

            if (@case.Type != CaseTypes.CeoQuestion || @case.AnswerType != AnswerTypes.Public)
            {
                return WorkflowResult.Conflict(FaqTexts.NotPublicQuestion);
            }

            if (await db.FaqRepeats.AnyAsync(r => r.CaseId == @case.Id, cancellationToken))
            {
                return WorkflowResult.Conflict(FaqTexts.AlreadyConfirmed);
            }

            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            entry.Repeats++;
            entry.AddAlternative(@case.Subject);
            entry.UpdatedAt = now;
            db.FaqRepeats.Add(new FaqRepeat { CaseId = @case.Id, FaqEntryId = entry.Id, ConfirmedBy = member.UserName, ConfirmedAt = now });
            FaqAudit.Add(db, new FaqRepeatConfirmed(entry.Id, entry.Repeats), member, now, @case);
            if (entry.ProposeIfDue(now))
            {
                FaqAudit.Add(db, new FaqProposed(entry.Id, entry.Repeats), member, now, @case);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            index.Invalidate();
            return WorkflowResult.Ok;
        }
    }

    public static RouteGroupBuilder MapConfirmSameQuestion(this RouteGroupBuilder api)
    {
        api.MapPost("/faq/{id:guid}/repeats", async (Guid id, Request request, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, request, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ");
        return api;
    }
}
