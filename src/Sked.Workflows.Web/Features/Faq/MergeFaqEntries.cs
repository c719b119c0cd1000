using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// POST /api/v1/faq/{id}/merge {into}: two entries that ask the same thing become one. The merged entry's
/// question and wordings become alternatives of the other, its repeats and "answered" counts are added,
/// its repeats point to the other; it is then removed. Audited (faq.merged).
/// </summary>
public static class MergeFaqEntries
{
    public sealed record Request(Guid Into);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, Request request, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(FaqTexts.NotCurator);
            }

            if (id == request.Into)
            {
                return WorkflowResult.Conflict(FaqTexts.MergeSelf);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entries = await db.Faq.Where(f => f.Id == id || f.Id == request.Into).ToListAsync(cancellationToken);
            if (entries.Find(f => f.Id == id) is not { } from || entries.Find(f => f.Id == request.Into) is not { } into)
            {
                return WorkflowResult.NotFound(FaqTexts.NotFound);
            }

            var now = time.GetUtcNow();
            return await FaqAudit.ChangeAsync(db, index, async () =>
            {
                foreach (var wording in from.Alternatives.Prepend(from.Question))
                {
                    into.AddAlternative(wording);
                }

                into.Repeats += from.Repeats;
                into.Helpful += from.Helpful;
                into.ProposeAfter ??= from.ProposeAfter;
                into.ProposedAt ??= into.PublishedAt is null ? from.ProposedAt : null;
                into.UpdatedAt = now;
                await db.FaqRepeats.Where(r => r.FaqEntryId == from.Id).ForEachAsync(r => r.FaqEntryId = into.Id, cancellationToken);
                db.Faq.Remove(from);
                FaqAudit.Add(db, new FaqMerged(from.Id, from.Question, into.Id, into.Question), member, now);
                return WorkflowResult.Ok;
            }, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapMergeFaqEntries(this RouteGroupBuilder api)
    {
        api.MapPost("/faq/{id:guid}/merge", async (Guid id, Request request, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, request, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ");
        return api;
    }
}
