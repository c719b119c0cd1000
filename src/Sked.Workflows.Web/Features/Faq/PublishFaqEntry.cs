using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// The curation page's publish and unpublish buttons (the API does it with PUT's <c>published</c>). A question kept
/// from a citizen is published only through an edit (PUT), so a person has written what goes out. Audited.
/// </summary>
public static class PublishFaqEntry
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, bool published, StaffMember member, CancellationToken cancellationToken)
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

            if (published && !entry.WordedByStaff)
            {
                return WorkflowResult.Conflict(FaqTexts.EditBeforePublishing);
            }

            return await FaqAudit.ChangeAsync(db, index, () => Apply(db, entry, published, member, time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Publishes or unpublishes the entry when that changes anything, with its audit event.</summary>
    internal static void Apply(SkedDbContext db, FaqEntry entry, bool? published, StaffMember member, DateTimeOffset now)
    {
        if (published is not { } wanted || wanted == (entry.PublishedAt is not null))
        {
            return;
        }

        entry.PublishedAt = wanted ? now : null;
        entry.UpdatedAt = now;
        FaqAudit.Add(db, wanted ? new FaqPublished(entry.Id, entry.Question) : (Engine.Audit.AuditEventData)new FaqUnpublished(entry.Id, entry.Question), member, now);
    }
}
