using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Features.StaffArea.Inbox;

/// <summary>One page of a member's tasks, filtered and sorted in the database (indexes on status, role, department, due date).</summary>
public sealed class InboxQuery(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
{
    public async Task<InboxResult> LoadAsync(InboxRequest request, StaffMember staff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = Scope(db.Tasks.AsNoTracking(), request.Scope, staff);
        if (request.CaseType is not null)
        {
            tasks = tasks.Where(t => t.CaseType == request.CaseType);
        }

        if (request.Step is not null)
        {
            tasks = tasks.Where(t => t.NodeId == request.Step);
        }

        if (request.Department is not null)
        {
            tasks = tasks.Where(t => t.Department == request.Department);
        }

        var now = time.GetUtcNow();
        if (request.OverdueOnly)
        {
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt < now && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed));
        }

        var rows = tasks.Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => new { Task = t, c.Subject, c.Body });
        var search = PersianText.ToAsciiDigits(PersianText.Normalize(request.Search));
        if (search.Length > 0)
        {
            rows = search.All(char.IsAsciiDigit)
                ? rows.Where(r => r.Task.TrackingCode.StartsWith(search))
                : rows.Where(r => r.Subject.Contains(search) || r.Body.Contains(search));
        }

        var total = await rows.CountAsync(cancellationToken);
        var ordered = request.SortBy switch
        {
            "created" => request.Descending ? rows.OrderByDescending(r => r.Task.CreatedAt) : rows.OrderBy(r => r.Task.CreatedAt),
            "trackingCode" => request.Descending ? rows.OrderByDescending(r => r.Task.TrackingCode) : rows.OrderBy(r => r.Task.TrackingCode),
            _ => request.Descending ? rows.OrderByDescending(r => r.Task.DueAt) : rows.OrderBy(r => r.Task.DueAt == null).ThenBy(r => r.Task.DueAt),
        };
        var page = await ordered
            .Skip(Math.Max(0, request.Page) * request.PageSize)
            .Take(Math.Clamp(request.PageSize, 1, 200))
            .ToListAsync(cancellationToken);
        return new InboxResult(
            page.Select(r => new InboxRow(r.Task.Id, r.Task.TrackingCode, r.Task.CaseType, r.Subject, r.Task.Department, r.Task.NodeId,
                r.Task.Title, r.Task.Status, r.Task.Assignee, r.Task.CreatedAt, r.Task.DueAt, Sla(r.Task, now))).ToList(),
            total);
    }

    private static IQueryable<HumanTask> Scope(IQueryable<HumanTask> tasks, InboxScope scope, StaffMember staff) => scope switch
    {
        InboxScope.Mine => tasks.Where(t => t.Assignee == staff.UserName && t.Status == HumanTaskStatus.Claimed),
        InboxScope.Done => tasks.Where(t => t.CompletedBy == staff.UserName && t.Status == HumanTaskStatus.Completed),
        InboxScope.Department when staff.IsIn(Roles.DepartmentHead) =>
            tasks.Where(t => t.Department == staff.Department && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed)),
        InboxScope.Department => tasks.Where(_ => false),
        _ => Features.Tasks.ListTasks.Available(tasks, staff),
    };

    /// <summary>On time, at risk (less than a quarter of the time left) or overdue.</summary>
    public static SlaState Sla(HumanTask task, DateTimeOffset now)
    {
        if (task.DueAt is not { } due || !task.IsActive)
        {
            return SlaState.None;
        }

        if (due < now)
        {
            return SlaState.Overdue;
        }

        return (due - now) < (due - task.CreatedAt) / 4 ? SlaState.AtRisk : SlaState.OnTime;
    }
}

public enum InboxScope
{
    Mine,
    Available,
    Done,
    Department,
}

public enum SlaState
{
    None,
    OnTime,
    AtRisk,
    Overdue,
}

public sealed record InboxRequest(InboxScope Scope, int Page = 0, int PageSize = 25)
{
    public string? CaseType { get; init; }
    public string? Step { get; init; }
    public string? Department { get; init; }
    public bool OverdueOnly { get; init; }
    public string? Search { get; init; }
    public string? SortBy { get; init; }
    public bool Descending { get; init; }
}

public sealed record InboxRow(Guid TaskId, string TrackingCode, string CaseType, string Subject, string? Department, string Step,
    string Title, HumanTaskStatus Status, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, SlaState Sla);

public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total);
