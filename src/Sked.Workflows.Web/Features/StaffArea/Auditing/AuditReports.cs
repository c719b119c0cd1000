using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>
/// The auditor's reports over a period, each one GROUP BY in the database: SLA breaches (tasks due in
/// the period that were completed after their due time or are still open past it), escalations, and
/// activity per department and per member. Indexes: tasks (DueAt), (CompletedBy, CompletedAt); audit
/// events (Type, At), (At).
/// </summary>
public sealed class AuditReports(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
{
    public const int BreachListSize = 100;
    public static readonly string[] EscalationTypes = [AuditEvents.NameOf<EscalationReminded>(), AuditEvents.NameOf<EscalationReassigned>()];
    private static readonly string TaskCompletedType = AuditEvents.NameOf<TaskCompleted>();
    private static readonly string TaskClaimedType = AuditEvents.NameOf<TaskClaimed>();
    private static readonly string[] NotMembers = [Actor.SystemName, Actor.CitizenName];

    public async Task<AuditReport> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var breaches = db.Tasks.AsNoTracking()
            .Where(t => t.DueAt != null && t.DueAt >= from && t.DueAt < to)
            .Where(t => (t.Status == HumanTaskStatus.Completed && t.CompletedAt > t.DueAt)
                || ((t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed) && t.DueAt < now));

        var breachesByDepartment = await breaches
            .GroupBy(t => t.Department)
            .Select(g => new { Department = g.Key, Late = g.Count(t => t.Status == HumanTaskStatus.Completed), Open = g.Count(t => t.Status != HumanTaskStatus.Completed) })
            .ToListAsync(cancellationToken);
        var worst = await breaches.OrderBy(t => t.DueAt).Take(BreachListSize)
            .Select(t => new BreachRow(t.TrackingCode, t.Title, t.Department, t.CandidateRole, t.DueAt!.Value, t.CompletedAt, t.CompletedBy ?? t.Assignee))
            .ToListAsync(cancellationToken);

        var (escalations, eventsByDepartment) = await ByDepartmentAsync(db, from, to, cancellationToken);
        var (eventsByActor, tasksByMember) = await ByMemberAsync(db, from, to, cancellationToken);
        var departments = breachesByDepartment.Select(b => b.Department)
            .Union(escalations.Select(e => e.Department)).Union(eventsByDepartment.Select(e => e.Department))
            .Distinct()
            .Select(d =>
            {
                var activity = eventsByDepartment.FirstOrDefault(e => e.Department == d);
                var breach = breachesByDepartment.FirstOrDefault(b => b.Department == d);
                return new DepartmentRow(d, activity?.Events ?? 0, activity?.Cases ?? 0, activity?.Completed ?? 0,
                    breach?.Late ?? 0, breach?.Open ?? 0, escalations.Where(e => e.Department == d).Sum(e => e.Count));
            })
            .OrderByDescending(r => r.Events).ThenBy(r => r.Department, StringComparer.Ordinal)
            .ToList();
        var members = eventsByActor.Select(e => e.Actor).Union(tasksByMember.Select(t => t.Actor))
            .Select(actor =>
            {
                var events = eventsByActor.FirstOrDefault(e => e.Actor == actor);
                var tasks = tasksByMember.FirstOrDefault(t => t.Actor == actor);
                return new MemberRow(actor, events?.Events ?? 0, events?.Claimed ?? 0, tasks?.Completed ?? 0, tasks?.Late ?? 0);
            })
            .OrderByDescending(r => r.Events).ThenBy(r => r.Actor, StringComparer.Ordinal)
            .ToList();
        return new AuditReport(from, to,
            breachesByDepartment.Sum(b => b.Late), breachesByDepartment.Sum(b => b.Open), worst,
            EscalationTypes.ToDictionary(t => t, t => escalations.Where(e => e.Type == t).Sum(e => e.Count), StringComparer.Ordinal),
            departments, members);
    }

    private static async Task<(List<EscalationCount>, List<DepartmentActivity>)> ByDepartmentAsync(SkedDbContext db, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        var escalations = await db.AuditEvents.AsNoTracking()
            .Where(a => EscalationTypes.Contains(a.Type) && a.At >= from && a.At < to)
            .GroupJoin(db.Cases, a => a.CaseId, c => c.Id, (a, cases) => new { a.Type, cases })
            .SelectMany(x => x.cases.DefaultIfEmpty(), (x, c) => new { x.Type, Department = c == null ? null : c.Department })
            .GroupBy(x => new { x.Department, x.Type })
            .Select(g => new EscalationCount(g.Key.Department, g.Key.Type, g.Count()))
            .ToListAsync(cancellationToken);
        var activity = await db.AuditEvents.AsNoTracking()
            .Where(a => a.At >= from && a.At < to && a.CaseId != null)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { c.Department, a.CaseId, a.Type })
            .GroupBy(x => x.Department)
            .Select(g => new DepartmentActivity(g.Key, g.Count(), g.Select(x => x.CaseId).Distinct().Count(), g.Count(x => x.Type == TaskCompletedType)))
            .ToListAsync(cancellationToken);
        return (escalations, activity);
    }

    private static async Task<(List<ActorActivity>, List<MemberTasks>)> ByMemberAsync(SkedDbContext db, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.At >= from && a.At < to && !NotMembers.Contains(a.Actor))
            .GroupBy(a => a.Actor)
            .Select(g => new ActorActivity(g.Key, g.Count(), g.Count(a => a.Type == TaskClaimedType)))
            .ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Completed && t.CompletedBy != null && t.CompletedAt >= from && t.CompletedAt < to)
            .GroupBy(t => t.CompletedBy!)
            .Select(g => new MemberTasks(g.Key, g.Count(), g.Count(t => t.DueAt != null && t.CompletedAt > t.DueAt)))
            .ToListAsync(cancellationToken);
        return (events, tasks);
    }

    private sealed record EscalationCount(string? Department, string Type, int Count);

    private sealed record DepartmentActivity(string? Department, int Events, int Cases, int Completed);

    private sealed record ActorActivity(string Actor, int Events, int Claimed);

    private sealed record MemberTasks(string Actor, int Completed, int Late);
}

public sealed record AuditReport(DateTimeOffset From, DateTimeOffset To, int CompletedLate, int OpenOverdue, IReadOnlyList<BreachRow> Breaches,
    IReadOnlyDictionary<string, int> Escalations, IReadOnlyList<DepartmentRow> Departments, IReadOnlyList<MemberRow> Members);

public sealed record BreachRow(string TrackingCode, string Title, string? Department, string Role, DateTimeOffset DueAt, DateTimeOffset? CompletedAt, string? Member);

public sealed record DepartmentRow(string? Department, int Events, int Cases, int TasksCompleted, int CompletedLate, int OpenOverdue, int Escalations);

public sealed record MemberRow(string Actor, int Events, int Claimed, int TasksCompleted, int CompletedLate);
