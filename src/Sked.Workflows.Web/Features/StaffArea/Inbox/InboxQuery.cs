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
        var now = time.GetUtcNow();
        var tasks = Filter(Scope(db.Tasks.AsNoTracking(), request.Scope, staff), request, now);
        var search = PersianText.ToAsciiDigits(PersianText.Normalize(request.Search));
        if (search.Length > 0 && search.All(char.IsAsciiDigit))
        {
            // A code prefix is a range on the tracking-code index: [prefix, prefix + 1).
            var upper = search[..^1] + (char)(search[^1] + 1);
#pragma warning disable CA1309 // EF translates this overload to SQL's own (ordinal, for ASCII digits) comparison.
            tasks = tasks.Where(t => string.Compare(t.TrackingCode, search) >= 0 && string.Compare(t.TrackingCode, upper) < 0);
#pragma warning restore CA1309
        }
        else if (search.Length > 0)
        {
            var matching = db.Cases.Where(c => c.Subject.Contains(search) || c.Body.Contains(search)).Select(c => c.Id);
            tasks = tasks.Where(t => matching.Contains(t.CaseId));
        }

        // Count and page on the tasks alone (index-ordered by due date); the subjects of just this page
        // are read afterwards, so a million cases cost one index range, not a join and a sort.
        var total = await tasks.CountAsync(cancellationToken);
        var page = await Order(tasks, request)
            .Skip(Math.Max(0, request.Page) * request.PageSize)
            .Take(Math.Clamp(request.PageSize, 1, 200))
            .ToListAsync(cancellationToken);
        var caseIds = page.Select(t => t.CaseId).ToList();
        var subjects = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Subject, cancellationToken);
        return new InboxResult(
            page.Select(t => new InboxRow(t.Id, t.TrackingCode, t.CaseType, subjects.GetValueOrDefault(t.CaseId, string.Empty), t.Department, t.NodeId,
                t.Title, t.Status, t.Assignee, t.CreatedAt, t.DueAt, Sla(t, now))).ToList(),
            total);
    }

    private static IQueryable<HumanTask> Filter(IQueryable<HumanTask> tasks, InboxRequest request, DateTimeOffset now)
    {
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

        return request.OverdueOnly
            ? tasks.Where(t => t.DueAt != null && t.DueAt < now && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
            : tasks;
    }

    private static IQueryable<HumanTask> Order(IQueryable<HumanTask> tasks, InboxRequest request) => request.SortBy switch
    {
        "created" => request.Descending ? tasks.OrderByDescending(t => t.CreatedAt) : tasks.OrderBy(t => t.CreatedAt),
        "trackingCode" => request.Descending ? tasks.OrderByDescending(t => t.TrackingCode) : tasks.OrderBy(t => t.TrackingCode),
        _ => request.Descending ? tasks.OrderByDescending(t => t.DueAt) : tasks.OrderBy(t => t.DueAt),
    };

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
