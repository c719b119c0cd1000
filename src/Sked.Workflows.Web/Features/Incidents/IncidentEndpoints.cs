using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Incidents;

/// <summary>
/// GET /api/v1/incidents: instances whose node failed (retrying, or given up after N attempts);
/// POST /api/v1/incidents/{instanceId}/retry runs the failed node again. Admin and ProcessOwner.
/// </summary>
public static class IncidentEndpoints
{
    public sealed record IncidentView(Guid InstanceId, string TrackingCode, string DefinitionId, int DefinitionVersion,
        string? NodeId, InstanceStatus Status, int Attempts, string? Error, DateTimeOffset UpdatedAt);

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").RequireAuthorization(Policies.Operations).WithTags("Incidents");
        group.MapGet("/", List);
        group.MapRetryIncident();
        return api;
    }

    private static async Task<IResult> List(SkedDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Incident || i.Status == InstanceStatus.Failing)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new IncidentView(i.Id, c.TrackingCode, i.DefinitionId, i.DefinitionVersion,
                i.CurrentNodeId, i.Status, i.Attempts, i.LastError, i.UpdatedAt))
            .Take(500)
            .ToListAsync(cancellationToken);
        return Results.Ok(rows);
    }
}
