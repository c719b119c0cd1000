using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// PUT /api/v1/faq/{id}: staff edit an entry's question, answer, category and alternative wordings, and
/// publish or unpublish it (<c>published</c> true/false; left out: unchanged). This is how a proposed
/// question goes out: a person writes the wording that is published. Audited.
/// </summary>
public static class UpdateFaqEntry
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, FaqEntryInput input, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(FaqTexts.NotCurator);
            }

            var (clean, errors) = input.Validate();
            if (errors.Any)
            {
                return new WorkflowResult(WorkflowResultKind.Invalid, Message.Of(FaqTexts.Invalid), errors.ToMessages());
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entry = await db.Faq.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (entry is null)
            {
                return WorkflowResult.NotFound(FaqTexts.NotFound);
            }

            var now = time.GetUtcNow();
            var before = entry.Question;
            return await FaqAudit.ChangeAsync(db, index, () =>
            {
                clean.ApplyTo(entry, now);
                // The wording it had (often a citizen's, for a proposal) still finds it, though it is no longer shown.
                entry.AddAlternative(before);
                FaqAudit.Add(db, new FaqEdited(entry.Id, before, entry.Question), member, now);
                PublishFaqEntry.Apply(db, entry, clean.Published, member, now);
            }, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapUpdateFaqEntry(this RouteGroupBuilder api)
    {
        api.MapPut("/faq/{id:guid}", async (Guid id, FaqEntryInput input, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, http.Member(), ct)))
            .RequireCurator()
            .WithTags("FAQ")
            .ProducesValidationProblem();
        return api;
    }
}
