using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Open311;

/// <summary>
/// GET /open311/v2/requests/{id}.json and /requests.json: public reports as Open311 service requests.
/// Only public reports are served, and only what anyone may see of them: never the reporter's name,
/// phone or e-mail (they are not even read from the database), nor staff names or internal notes.
/// </summary>
public static class GetServiceRequests
{
    /// <summary>At most this many requests per answer, newest first (the spec's "first 1000").</summary>
    public const int MaxResults = 1000;

    /// <summary>The widest date range a query may span, and the default one (the spec's 90 days).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public sealed record ServiceRequestView(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("status_notes")] string? StatusNotes,
        [property: JsonPropertyName("service_name")] string? ServiceName,
        [property: JsonPropertyName("service_code")] string? ServiceCode,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
        [property: JsonPropertyName("service_notice")] string? ServiceNotice,
        [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
        [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
        [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("address_id")] string? AddressId,
        [property: JsonPropertyName("zipcode")] string? Zipcode,
        [property: JsonPropertyName("lat")] double? Latitude,
        [property: JsonPropertyName("long")] double? Longitude,
        [property: JsonPropertyName("media_url")] string? MediaUrl);

    // The columns a service request shows; the citizen's contact columns are deliberately absent.
    private sealed record Row(string TrackingCode, string? Category, string Status, string Body, string? Department,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpectedAnswerAt, string? Address, double? Latitude, double? Longitude, DateTimeOffset? UpdatedAt);

    private static readonly Expression<Func<CaseFile, Row>> ToRow = c => new Row(c.TrackingCode, c.Category, c.Status, c.Body, c.Department,
        c.CreatedAt, c.ExpectedAnswerAt, c.Address, c.Latitude, c.Longitude,
        c.Timeline.OrderByDescending(t => t.Id).Select(t => (DateTimeOffset?)t.At).FirstOrDefault());

    public static RouteGroupBuilder MapGetServiceRequests(this RouteGroupBuilder open311)
    {
        open311.MapGet("/requests/{id}.{format}", GetOneAsync)
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .Produces<IReadOnlyList<ServiceRequestView>>()
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
        open311.MapGet("/requests.{format}", ListAsync)
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .Produces<IReadOnlyList<ServiceRequestView>>()
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest);
        return open311;
    }

    private static async Task<IResult> GetOneAsync(string id, SkedDbContext db, DepartmentDirectory departments, CancellationToken cancellationToken)
    {
        var row = TrackingCode.TryParse(id, out var code)
            ? await PublicReports(db).Where(c => c.TrackingCode == code.Value).Select(ToRow).SingleOrDefaultAsync(cancellationToken)
            : null;
        // The spec answers a single request as an array of one.
        return row is null
            ? Open311Errors.NotFound("service_request_id: " + Domain.Text.Catalogue.Render(Open311Texts.RequestNotFound))
            : Results.Ok(new[] { ToView(row, departments.ByCode) });
    }

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "service_request_id")] string[]? ids,
        [FromQuery(Name = "service_code")] string[]? serviceCodes,
        [FromQuery(Name = "status")] string[]? statuses,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        SkedDbContext db, DepartmentDirectory departments, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = PublicReports(db);
        var requested = CommaList(ids);
        if (requested.Count > 0)
        {
            // The spec: a list of ids overrides every other argument.
            var codes = requested.Select(r => TrackingCode.TryParse(r, out var c) ? c.Value : null).OfType<string>().Distinct().Take(MaxResults).ToList();
            query = query.Where(c => codes.Contains(c.TrackingCode));
        }
        else
        {
            var filtered = Filter(query, CommaList(serviceCodes), CommaList(statuses), startDate, endDate, time.GetUtcNow(), out var error);
            if (error is not null)
            {
                return Open311Errors.BadRequest(error);
            }

            query = filtered;
        }

        var rows = await query.OrderByDescending(c => c.CreatedAt).Take(MaxResults).Select(ToRow).ToListAsync(cancellationToken);
        return Results.Ok(rows.Select(r => ToView(r, departments.ByCode)).ToList());
    }

    private static IQueryable<CaseFile> Filter(IQueryable<CaseFile> query, List<string> serviceCodes, List<string> statuses,
        string? startDate, string? endDate, DateTimeOffset now, out string? error)
    {
        error = null;
        if (serviceCodes.Count > 0)
        {
            // Only codes of services that exist reach the database (a NUL or other junk cannot match anyway).
            var known = serviceCodes.Where(ReportCategories.PersianNames.ContainsKey).ToList();
            query = query.Where(c => known.Contains(c.Category!));
        }

        var unknownStatus = statuses.Find(s => s is not ("open" or "closed"));
        if (unknownStatus is not null)
        {
            error = "status: " + Domain.Text.Catalogue.Render(Open311Texts.StatusInvalid);
            return query;
        }

        var final = CaseStatuses.Final.ToList();
        if (statuses.Contains("open") && !statuses.Contains("closed"))
        {
            query = query.Where(c => !final.Contains(c.Status));
        }
        else if (statuses.Contains("closed") && !statuses.Contains("open"))
        {
            query = query.Where(c => final.Contains(c.Status));
        }

        if (!TryParseDate(startDate, out var start) || !TryParseDate(endDate, out var end))
        {
            error = "start_date, end_date: " + Domain.Text.Catalogue.Render(Open311Texts.DateInvalid);
            return query;
        }

        // Without dates, the most recent 90 days; with one of them, 90 days from (or up to) it.
        var from = start ?? (end ?? now) - Window;
        var to = end ?? (start is null ? now : start.Value + Window);
        if (to < from || to - from > Window)
        {
            error = "start_date, end_date: " + Domain.Text.Catalogue.Render(Open311Texts.RangeInvalid);
            return query;
        }

        return query.Where(c => c.CreatedAt >= from && c.CreatedAt <= to);
    }

    private static IQueryable<CaseFile> PublicReports(SkedDbContext db) =>
        db.Cases.AsNoTracking().Where(c => c.Type == CaseTypes.PublicReport);

    private static ServiceRequestView ToView(Row row, IReadOnlyDictionary<string, string> departments) => new(
        row.TrackingCode,
        CaseStatuses.IsFinal(row.Status) ? "closed" : "open",
        CaseStatuses.PersianLabels.GetValueOrDefault(row.Status),
        row.Category is null ? null : ReportCategories.PersianNames.GetValueOrDefault(row.Category, row.Category),
        row.Category,
        row.Body,
        row.Department is null ? null : departments.GetValueOrDefault(row.Department, row.Department),
        ServiceNotice: null,
        row.CreatedAt,
        row.UpdatedAt ?? row.CreatedAt,
        row.ExpectedAnswerAt,
        row.Address,
        AddressId: null,
        Zipcode: null,
        row.Latitude,
        row.Longitude,
        MediaUrl: null);

    private static List<string> CommaList(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    // W3C date-time with an offset; a missing offset means UTC. A '+' that arrived unescaped in the
    // query string became a space, so that is read as '+' too.
    private static bool TryParseDate(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, styles, out var parsed)
            || DateTimeOffset.TryParse(trimmed.Replace(' ', '+'), CultureInfo.InvariantCulture, styles, out parsed))
        {
            instant = parsed;
            // No report is that old or that far ahead; at the calendar's ends the 90-day window would overflow.
            return parsed.Year is >= 1900 and <= 2200;
        }

        return false;
    }
}
