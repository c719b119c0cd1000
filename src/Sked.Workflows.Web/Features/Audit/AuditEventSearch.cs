using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// The auditors' event search, shared by the API (<see cref="SearchEvents"/>) and the staff screen
/// /staff/audit: actor, type, tracking code, the case's department (as it is now) and type, and time
/// (<c>from</c>/<c>to</c>: a Jalali day such as ۱۴۰۵/۰۹/۰۷, whole day included, or an ISO 8601 instant).
/// </summary>
[FeatureContract]
public static class AuditEventSearch
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A text search looks among at most this many of the best-matching cases.</summary>
    public const int TextLimit = 2000;

    /// <summary>
    /// The filters, as the API's query string names them; empty ones do not filter. <c>Text</c>: words of the case
    /// (citizen's name, subject, body, answers, tracking code), as the case index analyses them.
    /// </summary>
    public sealed record Criteria(string? Actor, string? Type, string? Department, string? CaseType, string? TrackingCode,
        string? From, string? To, int? Page, int? PageSize, string? Text = null);

    /// <summary>The matching events, or the field that could not be read and why (in Persian).</summary>
    public sealed record Filtered(IQueryable<AuditEvent>? Events, string? Field, string? Error);

    public sealed record Page(int Number, int Size, int Total, IReadOnlyList<AuditEvent> Items);

    /// <summary>The events matching <paramref name="criteria"/>; the text goes through <paramref name="index"/> when it is ready, else a scan of the cases.</summary>
    public static Filtered Filter(SkedDbContext db, Criteria criteria, CaseIndex? index = null)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(criteria.Text))
        {
            events = ByText(db, events, criteria.Text, index);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Actor))
        {
            events = events.Where(a => a.Actor == criteria.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(criteria.Type))
        {
            events = events.Where(a => a.Type == criteria.Type.Trim());
        }

        if (!string.IsNullOrWhiteSpace(criteria.TrackingCode))
        {
            if (!TrackingCode.TryParse(criteria.TrackingCode, out var code))
            {
                return Invalid("trackingCode", Domain.Text.Catalogue.Render(AuditSearchErrors.TrackingCodeInvalid));
            }

            events = events.Where(a => a.TrackingCode == code.Value);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Department))
        {
            events = events.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Department == criteria.Department.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(criteria.CaseType))
        {
            events = events.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Type == criteria.CaseType.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(criteria.From))
        {
            if (!TryReadInstant(criteria.From, endOfDay: false, out var from))
            {
                return Invalid("from", Domain.Text.Catalogue.Render(AuditSearchErrors.FromInvalid));
            }

            events = events.Where(a => a.At >= from);
        }

        if (!string.IsNullOrWhiteSpace(criteria.To))
        {
            if (!TryReadInstant(criteria.To, endOfDay: true, out var to))
            {
                return Invalid("to", Domain.Text.Catalogue.Render(AuditSearchErrors.ToInvalid));
            }

            events = events.Where(a => a.At < to);
        }

        return new Filtered(events, null, null);
    }

    private static IQueryable<AuditEvent> ByText(SkedDbContext db, IQueryable<AuditEvent> events, string text, CaseIndex? index)
    {
        if (index?.Find(text, access: null, TextLimit) is { } found)
        {
            return events.Where(a => a.CaseId != null && EF.Parameter(found).Contains(a.CaseId.Value));
        }

        var words = PersianText.Normalize(text);
        return events.Where(a => db.Cases.Any(c => c.Id == a.CaseId && (c.Subject.Contains(words) || c.Body.Contains(words))));
    }

    /// <summary>
    /// One page in time order (then chain order: the lanes of the chain interleave in time, docs/adr/0007); the page
    /// number and size are clamped (1…, 1–<see cref="MaxPageSize"/>).
    /// </summary>
    public static async Task<Page> PageAsync(IQueryable<AuditEvent> events, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var total = await events.CountAsync(cancellationToken);
        var items = await events.InTimeOrder().Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page(number, size, total, items);
    }

    /// <summary>
    /// A Jalali day is its start in Iran time (or the next day's start, so "to" includes the whole day);
    /// an ISO instant is taken as it is (just after it, for "to"). Always UTC, as PostgreSQL wants.
    /// </summary>
    public static bool TryReadInstant(string text, bool endOfDay, out DateTimeOffset instant)
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

    private static Filtered Invalid(string field, string error) => new(null, field, error);
}
