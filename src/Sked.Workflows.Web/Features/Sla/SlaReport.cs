using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Sla;

/// <summary>
/// SLA compliance for those who steer: a department head sees their department, the CEO office and
/// admins see all. Over the cases of the last twelve months: open cases by age in working days; on time
/// and late per department, case type and channel, and per Jalali month; the median and 90th percentile
/// of working days to answer; the overdue list with who holds each. A case is on time when it was
/// answered (or closed) by the date promised to the citizen; an open case past that date is overdue and
/// counts as late. The page, GET /api/v1/sla and the CSV and Excel exports all read this one report.
/// </summary>
public static class SlaReport
{
    public sealed record AgeBucket(string Key, int Count);

    public sealed record Compliance(string Key, int OnTime, int Late, int Open);

    public sealed record MonthRow(string Month, string Department, string CaseType, string Channel, int OnTime, int Late);

    public sealed record OverdueCase(string TrackingCode, string CaseType, string? Department, DateTimeOffset PromisedAt, double WorkingDaysLate, string? Holder);

    public sealed record Report(string? Department, DateTimeOffset At, IReadOnlyList<AgeBucket> OpenByAge, IReadOnlyList<Compliance> ByDepartment,
        IReadOnlyList<Compliance> ByCaseType, IReadOnlyList<Compliance> ByChannel, IReadOnlyList<MonthRow> ByMonth,
        double? MedianWorkingDays, double? P90WorkingDays, IReadOnlyList<OverdueCase> Overdue);

    /// <summary>Who may see it: heads (their department), the CEO office and admins (all).</summary>
    public static bool MaySee(StaffMember member) =>
        member.Roles.Contains(Roles.Admin) || member.Roles.Contains(Roles.CeoOffice) || (member.Roles.Contains(Roles.DepartmentHead) && member.Department is not null);

    /// <summary>The channel a case came by: letters through the secretariat, e-mail, the rest through the portal (and Open311).</summary>
    public static string ChannelOf(string caseType) => caseType switch
    {
        CaseTypes.Letter => "letter",
        CaseTypes.EmailInquiry => "email",
        _ => "portal",
    };

    private sealed record Row(Guid Id, string TrackingCode, string Type, string? Department, DateTimeOffset CreatedAt, DateTimeOffset? PromisedAt,
        DateTimeOffset? FinishedAt, bool Final)
    {
        public bool OnTime => PromisedAt is null || (FinishedAt is { } done && done <= PromisedAt);
    }

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, CurrentCalendar calendar, TimeProvider time)
    {
        public async Task<Report?> HandleAsync(StaffMember member, CancellationToken cancellationToken)
        {
            if (!MaySee(member))
            {
                return null;
            }

            var department = member.Roles.Contains(Roles.Admin) || member.Roles.Contains(Roles.CeoOffice) ? null : member.Department;
            var now = time.GetUtcNow();
            var since = now.AddDays(-366);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A duplicate merged into another case is that case's work: counted once, there.
            var query = db.Cases.AsNoTracking().Where(c => c.MergedIntoId == null && (c.CreatedAt >= since || c.ClosedAt == null));
            if (department is not null)
            {
                query = query.Where(c => c.Department == department);
            }

            var rows = (await query.Select(c => new { c.Id, c.TrackingCode, c.Type, c.Department, c.CreatedAt, c.ExpectedAnswerAt, c.AnsweredAt, c.ClosedAt })
                    .ToListAsync(cancellationToken))
                .Select(c => new Row(c.Id, c.TrackingCode, c.Type, c.Department, c.CreatedAt, c.ExpectedAnswerAt, c.AnsweredAt ?? c.ClosedAt, c.ClosedAt is not null))
                .ToList();
            var overdue = rows.Where(r => !r.Final && r.PromisedAt < now).ToList();
            var holders = await HoldersAsync(db, overdue.Select(r => r.Id).ToList(), cancellationToken);
            return Build(department, now, rows, overdue, holders, calendar.Value);
        }

        private static async Task<Dictionary<Guid, string>> HoldersAsync(SkedDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
            (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.CaseId) && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
                .Select(t => new { t.CaseId, t.Assignee, t.CandidateRole, t.Department }).ToListAsync(cancellationToken))
            .GroupBy(t => t.CaseId)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Assignee ?? (t.Department is null ? t.CandidateRole : $"{t.CandidateRole}:{t.Department}")).First());
    }

    private static Report Build(string? department, DateTimeOffset now, List<Row> rows, List<Row> overdue, Dictionary<Guid, string> holders, WorkingCalendar calendar)
    {
        var dayHours = (calendar.Hours.Closes.ToTimeSpan() - calendar.Hours.Opens.ToTimeSpan()).TotalHours;
        double WorkingDays(DateTimeOffset from, DateTimeOffset to) => Math.Round(calendar.WorkingTimeBetween(from, to).TotalHours / dayHours, 1);
        var open = rows.Where(r => !r.Final).ToList();
        var ages = open.Select(r => calendar.WorkingDaysBetween(r.CreatedAt, now)).ToList();
        var byAge = new List<AgeBucket>
        {
            new("0-2", ages.Count(a => a <= 2)),
            new("3-5", ages.Count(a => a is >= 3 and <= 5)),
            new("6-10", ages.Count(a => a is >= 6 and <= 10)),
            new("11+", ages.Count(a => a > 10)),
        };
        var answered = rows.Where(r => r.FinishedAt is not null).ToList();
        var times = answered.Select(r => WorkingDays(r.CreatedAt, r.FinishedAt!.Value)).Order().ToList();
        var byMonth = answered
            .GroupBy(r => (Month: Month(r.FinishedAt!.Value), Department: r.Department ?? "-", r.Type, Channel: ChannelOf(r.Type)))
            .OrderByDescending(g => g.Key.Month).ThenBy(g => g.Key.Department, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .Select(g => new MonthRow(g.Key.Month, g.Key.Department, g.Key.Type, g.Key.Channel, g.Count(r => r.OnTime), g.Count(r => !r.OnTime)))
            .ToList();
        return new Report(department, now, byAge,
            ComplianceBy(rows, r => r.Department ?? "-", now), ComplianceBy(rows, r => r.Type, now), ComplianceBy(rows, r => ChannelOf(r.Type), now), byMonth,
            Percentile(times, 0.5), Percentile(times, 0.9),
            [.. overdue.OrderBy(r => r.PromisedAt).Select(r => new OverdueCase(r.TrackingCode, r.Type, r.Department, r.PromisedAt!.Value,
                WorkingDays(r.PromisedAt.Value, now), holders.GetValueOrDefault(r.Id)))]);
    }

    /// <summary>On time and late (answered late, or open past the promise) and still open, per group.</summary>
    private static List<Compliance> ComplianceBy(List<Row> rows, Func<Row, string> key, DateTimeOffset now) =>
        [.. rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Compliance(g.Key,
            g.Count(r => r.FinishedAt is not null && r.OnTime),
            g.Count(r => (r.FinishedAt is not null && !r.OnTime) || (r.FinishedAt is null && r.PromisedAt < now)),
            g.Count(r => r.FinishedAt is null)))];

    private static string Month(DateTimeOffset at)
    {
        var (year, month, _) = JalaliDate.Parts(at);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year:0000}/{month:00}");
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    private static double? Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
