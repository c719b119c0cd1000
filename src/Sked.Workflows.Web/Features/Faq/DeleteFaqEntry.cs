using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>DELETE /api/v1/faq/{id}: the entry goes, with the repeats counted on it. Audited (faq.deleted keeps its question).</summary>
public static class DeleteFaqEntry
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(FaqTexts.NotCurator);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entry = await db.Faq.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (entry is null)
            {
                return WorkflowResult.NotFound(FaqTexts.NotFound);
            }

            return await FaqAudit.ChangeAsync(db, index, async () =>
            {
                db.FaqRepeats.RemoveRange(await db.FaqRepeats.Where(r => r.FaqEntryId == id).ToListAsync(cancellationToken));
                db.Faq.Remove(entry);
                FaqAudit.Add(db, new FaqDeleted(entry.Id, entry.Question), member, time.GetUtcNow());
                return WorkflowResult.Ok;
            }, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapDeleteFaqEntry(this RouteGroupBuilder api)
    {
        api.MapDelete("/faq/{id:guid}", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ");
        return api;
    }
}
