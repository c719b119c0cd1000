using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// Every FAQ change goes the same way: the change and its audit event in one transaction, then the
/// index is told to rebuild (about a case when it concerns one).
/// </summary>
internal static class FaqAudit
{
    /// <summary>Runs <paramref name="change"/> in a transaction and commits it unless it returns anything but Ok.</summary>
    public static async Task<WorkflowResult> ChangeAsync(SkedDbContext db, FaqIndex index, Func<Task<WorkflowResult>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        if (result.Kind != WorkflowResultKind.Ok)
        {
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        index.Invalidate();
        return result;
    }

    /// <summary>As above, for a change that cannot be refused once begun.</summary>
    public static Task<WorkflowResult> ChangeAsync(SkedDbContext db, FaqIndex index, Action change, CancellationToken cancellationToken) =>
        ChangeAsync(db, index, () =>
        {
            change();
            return Task.FromResult(WorkflowResult.Ok);
        }, cancellationToken);

    public static void Add(SkedDbContext db, AuditEventData data, Actor actor, DateTimeOffset at, CaseFile? about = null) =>
        db.AuditEvents.Add(new AuditEvent(data, actor.Name)
        {
            At = at,
            ClientAddress = actor.ClientAddress,
            CaseId = about?.Id,
            TrackingCode = about?.TrackingCode,
        });
}
