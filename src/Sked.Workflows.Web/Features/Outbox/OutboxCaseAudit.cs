using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>An administrator's act on an outbox message is audited on the message's case when it has one, so the case's history shows it.</summary>
public static class OutboxCaseAudit
{
    public static async Task AddAsync(SkedDbContext db, OutboxMessage message, AuditEventData data, Actor admin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = OutboxDelivery.NotificationOf(message)?.TrackingCode;
        var @case = code is null ? null : await db.Cases.AsNoTracking().Where(c => c.TrackingCode == code)
            .Join(db.Instances, c => c.Id, i => i.CaseId, (c, i) => new { c.Id, c.TrackingCode, Instance = i.Id, i.DefinitionId, i.DefinitionVersion })
            .FirstOrDefaultAsync(cancellationToken);
        db.AuditEvents.Add(new AuditEvent(data, admin.Name)
        {
            At = now,
            CaseId = @case?.Id,
            TrackingCode = @case?.TrackingCode,
            InstanceId = @case?.Instance,
            DefinitionId = @case?.DefinitionId,
            DefinitionVersion = @case?.DefinitionVersion,
            ClientAddress = admin.ClientAddress,
        });
    }
}
