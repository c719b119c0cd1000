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

        var events = await CaseAuditEvents.AddAsync(db,
            [.. changed.Select(sms => new CaseAuditEvents.About(null, sms.CaseId, new SmsStateChanged(sms.Id, sms.State.Wire())))],
            SystemActor.Name, null, now, cancellationToken);
        foreach (var (sms, audited) in changed.Zip(events))
        {
            if (audited.TrackingCode is { } code && sms.State is SmsState.Undelivered or SmsState.Failed)
            {
                db.StaffNotices.Add(new StaffNotices.StaffNotice
                {
                    Recipient = Domain.Staff.Roles.EDesk,
                    Kind = Engine.Tasks.StaffNoticeKinds.SmsUndelivered,
                    Text = Domain.Text.Catalogue.Render(StaffNotices.StaffNoticeTexts.SmsUndelivered, code),
                    TrackingCode = code,
                    At = now,
                });
            }
        }
    }
}
