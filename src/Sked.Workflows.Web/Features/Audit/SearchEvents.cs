using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// GET /api/v1/audit/events and /events.csv (Auditor): audit events in chain order, filtered by actor,
/// type, tracking code, the case's department (as it is now) and type, and time (<c>from</c>/<c>to</c>: a Jalali day such
/// as ۱۴۰۵/۰۹/۰۷, whole day included, or an ISO 8601 instant). JSON is paged; CSV has every match.
/// </summary>
[FeatureContract]
public static class SearchEvents
{
    public sealed record PageView(int Page, int PageSize, int Total, IReadOnlyList<AuditEventView> Items);

    public static RouteGroupBuilder MapSearchEvents(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.Auditor).WithTags("Audit");
        audit.MapGet("/events", Search).Produces<PageView>().ProducesValidationProblem();
        audit.MapGet("/events.csv", Export).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Search([AsParameters] AuditEventSearch.Criteria query, SkedDbContext db, CaseIndex index, CancellationToken cancellationToken)
    {
        var found = AuditEventSearch.Filter(db, query, index);
        if (found.Events is null)
        {
            return ApiResults.Invalid(found.Field!, found.Error!);
        }

        var page = await AuditEventSearch.PageAsync(found.Events, query.Page, query.PageSize, cancellationToken);
        return Results.Ok(new PageView(page.Number, page.Size, page.Total, page.Items.Select(AuditEventView.From).ToList()));
    }

    /// <summary>Every match as CSV; the staff screen links here through /staff/audit/events.csv too.</summary>
    public static IResult Export([AsParameters] AuditEventSearch.Criteria query, SkedDbContext db, CaseIndex index, CancellationToken cancellationToken)
    {
        var found = AuditEventSearch.Filter(db, query, index);
        if (found.Events is not { } events)
        {
            return ApiResults.Invalid(found.Field!, found.Error!);
        }

        return Csv.File("sked-audit-events.csv", async writer =>
        {
            // Every field of the canonical bytes, exactly as hashed, and the previous event's hash: each link
            // can be checked from this file alone with the key (docs/audit.md, the verifier).
            await writer.WriteAsync(Csv.Line("seq", "id", "at_utc", "at_jalali", "type", "actor", "tracking_code",
                "definition_id", "definition_version", "client_address", "data", "hash", "at_microseconds", "case_id", "instance_id", "previous_hash"));
            var rows = events.OrderBy(a => a.Seq)
                .Select(a => new { Event = a, Previous = db.AuditEvents.Where(p => p.Seq == a.Seq - 1).Select(p => p.Hash).FirstOrDefault() });
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var a = row.Event;
                await writer.WriteAsync(Csv.Line(
                    a.Seq.ToString(CultureInfo.InvariantCulture),
                    a.Id.ToString(CultureInfo.InvariantCulture),
                    a.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    PersianText.ToAsciiDigits(JalaliDate.Format(a.At)),
                    a.Type,
                    a.Actor,
                    a.TrackingCode,
                    a.DefinitionId,
                    a.DefinitionVersion?.ToString(CultureInfo.InvariantCulture),
                    a.ClientAddress,
                    a.Data,
                    AuditChain.Hex(a.Hash),
                    (a.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
                    a.CaseId?.ToString(),
                    a.InstanceId?.ToString(),
                    ChainLanes.IsFirst(a.Seq) ? AuditChain.Hex(AuditChain.Genesis()) : row.Previous is null ? null : AuditChain.Hex(row.Previous)));
            }
        });
    }
}
