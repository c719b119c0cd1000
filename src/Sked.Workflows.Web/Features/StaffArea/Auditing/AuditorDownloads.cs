using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Features.Cases;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>
/// The auditor's files for the browser: the same handlers as the bearer API under /api/v1, on the
/// staff cookie, so the links on the audit screens work for a member signed in there.
/// </summary>
public static class AuditorDownloads
{
    public static WebApplication MapAuditorDownloads(this WebApplication app)
    {
        var audit = app.MapGroup("/staff/audit").RequireAuthorization(StaffAreaRegistration.StaffAuditorPolicy).ExcludeFromDescription();
        audit.MapGet("/cases/{trackingCode}/evidence", EvidencePage.Render);
        audit.MapGet("/cases/{trackingCode}/evidence.zip", EvidencePack.Download);
        audit.MapGet("/checkpoints.csv", ChainCheckpoints.Export);
        audit.MapGet("/events.csv", SearchEvents.Export);
        return app;
    }
}
