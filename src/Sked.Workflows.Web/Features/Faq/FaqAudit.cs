using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>Adds a FAQ change's audit event to the change's own transaction (about a case when it concerns one).</summary>
internal static class FaqAudit
{
    public static void Add(SkedDbContext db, AuditEventData data, Actor actor, DateTimeOffset at, CaseFile? about = null) =>
        db.AuditEvents.Add(new AuditEvent(data, actor.Name)
        {
            At = at,
            ClientAddress = actor.ClientAddress,
            CaseId = about?.Id,
            TrackingCode = about?.TrackingCode,
        });
}
