using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// GET /api/v1/audit/events and /events.csv (Auditor): audit events in chain order, filtered by actor,
/// type, tracking code, the case's department (as it is now) and type, and time (<c>from</c>/<c>to</c>: a Jalali day such
/// as ۱۴۰۵/۰۹/۰۷, whole day included, or an ISO 8601 instant). JSON is paged; CSV has every match.
/// </summary>
public static class SearchEvents
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public sealed record Query(string? Actor, string? Type, string? Department, string? CaseType, string? TrackingCode,
        string? From, string? To, int? Page, int? PageSize);

    public sealed record PageView(int Page, int PageSize, int Total, IReadOnlyList<AuditEventView> Items);

    public static RouteGroupBuilder MapSearchEvents(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.Auditor).WithTags("Audit");
        audit.MapGet("/events", Search).Produces<PageView>().ProducesValidationProblem();
        audit.MapGet("/events.csv", Export).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Search([AsParameters] Query query, SkedDbContext db, CancellationToken cancellationToken)
    {
        var (events, error) = Filter(db, query);
        if (events is null)
        {
            return error!;
        }

        var page = Math.Clamp(query.Page ?? 1, 1, int.MaxValue / MaxPageSize);
        var size = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderBy(a => a.Seq).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return Results.Ok(new PageView(page, size, total, items.Select(AuditEventView.From).ToList()));
    }

    private static IResult Export([AsParameters] Query query, SkedDbContext db, CancellationToken cancellationToken)
    {
        var (events, error) = Filter(db, query);
        return events is null ? error! : Csv.File("sked-audit-events.csv", async writer =>
        {
            await writer.WriteAsync(Csv.Line("seq", "id", "at_utc", "at_jalali", "type", "actor", "tracking_code",
                "definition_id", "definition_version", "client_address", "data", "hash"));
            await foreach (var a in events.OrderBy(a => a.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
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
                    AuditChain.Hex(a.Hash)));
            }
        });
    }

    private static (IQueryable<AuditEvent>? Events, IResult? Error) Filter(SkedDbContext db, Query query)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            events = events.Where(a => a.Actor == query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            events = events.Where(a => a.Type == query.Type.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.TrackingCode))
        {
            if (!TrackingCode.TryParse(query.TrackingCode, out var code))
            {
                return (null, ApiResults.Invalid("trackingCode", "کد رهگیری معتبر نیست."));
            }

            events = events.Where(a => a.TrackingCode == code.Value);
        }

        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            events = events.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Department == query.Department.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.CaseType))
        {
            events = events.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Type == query.CaseType.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.From))
        {
            if (!TryReadInstant(query.From, endOfDay: false, out var from))
            {
                return (null, ApiResults.Invalid("from", "تاریخ «از» را به شکل ۱۴۰۵/۰۹/۰۷ یا به قالب ISO 8601 وارد کنید."));
            }

            events = events.Where(a => a.At >= from);
        }

        if (!string.IsNullOrWhiteSpace(query.To))
        {
            if (!TryReadInstant(query.To, endOfDay: true, out var to))
            {
                return (null, ApiResults.Invalid("to", "تاریخ «تا» را به شکل ۱۴۰۵/۰۹/۰۷ یا به قالب ISO 8601 وارد کنید."));
            }

            events = events.Where(a => a.At < to);
        }

        return (events, null);
    }

    /// <summary>
    /// A Jalali day is its start in Iran time (or the next day's start, so "to" includes the whole day);
    /// an ISO instant is taken as it is (just after it, for "to"). Always UTC, as PostgreSQL wants.
    /// </summary>
    private static bool TryReadInstant(string text, bool endOfDay, out DateTimeOffset instant)
    {
        if (JalaliDate.TryParse(text, out var dayStart))
        {
            instant = (endOfDay ? JalaliDate.NextDayStart(dayStart) : dayStart).ToUniversalTime();
            return true;
        }

        if (DateTimeOffset.TryParse(PersianText.ToAsciiDigits(text).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            instant = (endOfDay ? exact.AddTicks(1) : exact).ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }
}
