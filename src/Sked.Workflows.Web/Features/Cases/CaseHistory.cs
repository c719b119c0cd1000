using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>GET /api/v1/cases/{trackingCode}/history (Auditor): every audit event of the case, in chain order.</summary>
public static class CaseHistory
{
    public static RouteGroupBuilder MapCaseHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{trackingCode}/history", Handle)
            .RequireAuthorization(Policies.Auditor)
            .WithTags("Audit")
            .Produces<IReadOnlyList<AuditEventView>>();
        return api;
    }

    private static async Task<IResult> Handle(string trackingCode, SkedDbContext db, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code))
        {
            return ApiResults.Invalid("trackingCode", Domain.Text.Catalogue.Render(CaseLookupErrors.TrackingCodeInvalid));
        }

        var caseId = await db.Cases.Where(c => c.TrackingCode == code.Value).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Domain.Text.Catalogue.Render(CaseLookupErrors.NotFound));
        }

        var events = await db.AuditEvents.AsNoTracking().Where(a => a.CaseId == caseId).InTimeOrder().ToListAsync(cancellationToken);
        return Results.Ok(events.Select(AuditEventView.From).ToList());
    }
}
