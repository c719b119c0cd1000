using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Writes an SMS's new state into its case's history (sms.state-changed); the number and text stay out
/// of the log. An SMS that did not reach the citizen also rings the e-desk's bell: the number may be mistyped.
/// </summary>
internal static class SmsAudit
{
    public static async Task AddAsync(SkedDbContext db, IReadOnlyList<SmsMessage> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var caseIds = changed.Where(s => s.CaseId is not null).Select(s => s.CaseId!.Value).Distinct().ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Instances, c => c.Id, i => i.CaseId, (c, i) => new { c.Id, c.TrackingCode, Instance = i.Id, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var cases = rows.DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        foreach (var sms in changed)
        {
            var @case = sms.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            db.AuditEvents.Add(new AuditEvent(new SmsStateChanged(sms.Id, sms.State.Wire()), SystemActor.Name)
            {
                At = now,
                CaseId = @case?.Id,
                TrackingCode = @case?.TrackingCode,
                InstanceId = @case?.Instance,
                DefinitionId = @case?.DefinitionId,
                DefinitionVersion = @case?.DefinitionVersion,
            });
            if (@case is not null && sms.State is SmsState.Undelivered or SmsState.Failed)
            {
                db.StaffNotices.Add(new StaffNotices.StaffNotice
                {
                    Recipient = Domain.Staff.Roles.EDesk,
                    Kind = Engine.Tasks.StaffNoticeKinds.SmsUndelivered,
                    Text = Domain.Text.Catalogue.Render(StaffNotices.StaffNoticeTexts.SmsUndelivered, @case.TrackingCode),
                    TrackingCode = @case.TrackingCode,
                    At = now,
                });
            }
        }
    }
}
