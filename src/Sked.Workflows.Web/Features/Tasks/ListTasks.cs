using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// The task lists, each defined once: mine (claimed by me), available (my group's queue), done (completed
/// by me) and a head's department backlog. The inbox, the department page and GET /api/v1/tasks all call
/// <see cref="Handler"/>, so they show the same tasks in the same order: by due date (then id, so pages
/// never overlap), the order the (status, role[, department], due) indexes hold them in. Tasks without
/// a due date come where each store's index puts nulls: first on SQLite, last on PostgreSQL.
/// </summary>
public static class ListTasks
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
    {
        public async Task<InboxResult> HandleAsync(InboxRequest request, StaffMember staff, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow();
            var tasks = Search(db, Filter(db.Tasks.AsNoTracking().In(request.Scope, staff), request, now), request.Search);

            // Count and page on the tasks alone (index-ordered by due date); the subjects of just this page
            // are read afterwards, so a million cases cost one index range, not a join and a sort.
            var total = await tasks.CountAsync(cancellationToken);
            var size = Math.Clamp(request.PageSize, 1, 200);
            var page = await Order(tasks, request)
                .Skip(Math.Max(0, request.Page) * size)
                .Take(size)
                .ToListAsync(cancellationToken);
            var caseIds = page.Select(t => t.CaseId).ToList();
            var subjects = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Subject, cancellationToken);
            return new InboxResult(
                page.Select(t => new InboxRow(t.Id, t.TrackingCode, t.CaseType, subjects.GetValueOrDefault(t.CaseId, string.Empty), t.Department, t.NodeId,
                    t.Title, t.Status, t.Assignee, t.CreatedAt, t.DueAt, Sla(t, now), t.InstanceId, t.CandidateRole, t.Outcome)).ToList(),
                total);
        }
    }

    /// <summary>The tasks of one list for the member.</summary>
    public static IQueryable<HumanTask> In(this IQueryable<HumanTask> tasks, InboxScope scope, StaffMember staff) => scope switch
    {
        InboxScope.Mine => tasks.Where(t => t.Assignee == staff.UserName && t.Status == HumanTaskStatus.Claimed),
        InboxScope.Done => tasks.Where(t => t.CompletedBy == staff.UserName && t.Status == HumanTaskStatus.Completed),
        InboxScope.Department when staff.IsIn(Roles.DepartmentHead) =>
            tasks.Where(t => t.Department == staff.Department && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed)),
        InboxScope.Department => tasks.Where(_ => false),
        _ => Available(tasks, staff),
    };

    /// <summary>Open tasks offered to one of the member's roles (and, for departmental roles, their department).</summary>
    private static IQueryable<HumanTask> Available(IQueryable<HumanTask> tasks, StaffMember staff)
    {
        // Written as plain equalities so the (status, role[, department], due) indexes serve the page in order.
        var plain = staff.Roles.Where(r => !Roles.IsDepartmental(r)).ToList();
        var departmental = staff.Department is null ? [] : staff.Roles.Where(Roles.IsDepartmental).ToList();
        var open = tasks.Where(t => t.Status == HumanTaskStatus.Open);
        return (plain.Count, departmental.Count) switch
        {
            (0, 0) => open.Where(_ => false),
            (_, 0) => open.Where(t => plain.Contains(t.CandidateRole)),
            (0, _) => open.Where(t => departmental.Contains(t.CandidateRole) && t.Department == staff.Department),
            _ => open.Where(t => plain.Contains(t.CandidateRole) || (departmental.Contains(t.CandidateRole) && t.Department == staff.Department)),
        };
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

    private static IQueryable<HumanTask> Search(SkedDbContext db, IQueryable<HumanTask> tasks, string? text)
    {
        var search = PersianText.ToAsciiDigits(PersianText.Normalize(text));
        if (search.Length > 0 && search.All(char.IsAsciiDigit))
        {
            // A code prefix is a range on the tracking-code index: [prefix, prefix + 1).
            var upper = search[..^1] + (char)(search[^1] + 1);
#pragma warning disable CA1309 // EF translates this overload to SQL's own (ordinal, for ASCII digits) comparison.
            return tasks.Where(t => string.Compare(t.TrackingCode, search) >= 0 && string.Compare(t.TrackingCode, upper) < 0);
#pragma warning restore CA1309
        }

        if (search.Length > 0)
        {
            var matching = db.Cases.Where(c => c.Subject.Contains(search) || c.Body.Contains(search)).Select(c => c.Id);
            return tasks.Where(t => matching.Contains(t.CaseId));
        }

        return tasks;
    }

    // The id breaks ties (tasks opened in one step share a due date) inside the index's order.
    private static IQueryable<HumanTask> Order(IQueryable<HumanTask> tasks, InboxRequest request) => (request.SortBy, request.Descending) switch
    {
        ("created", false) => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        ("created", true) => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        ("trackingCode", false) => tasks.OrderBy(t => t.TrackingCode).ThenBy(t => t.Id),
        ("trackingCode", true) => tasks.OrderByDescending(t => t.TrackingCode).ThenByDescending(t => t.Id),
        (_, false) => tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id),
        (_, true) => tasks.OrderByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
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

    /// <summary>A task as the API lists it: the row, plus its node's outcomes and form so a client can complete it.</summary>
    public sealed record TaskView(Guid Id, string TrackingCode, string Type, string Step, string Title, HumanTaskStatus Status,
        string CandidateRole, string? Department, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
        IReadOnlyList<TaskOutcome> Outcomes, IReadOnlyList<FormField> Form, string? Outcome, string Subject);

    /// <summary>GET /api/v1/tasks?scope=mine|available|done|department&amp;page=1&amp;pageSize=50 (and the inbox's filters); X-Total-Count tells the list's length.</summary>
    public static RouteGroupBuilder MapListTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", Endpoint).RequireAuthorization(Policies.Staff).WithTags("Tasks").Produces<IReadOnlyList<TaskView>>();
        return api;
    }

    private static async Task<IResult> Endpoint(string? scope, int? page, int? pageSize, string? search, string? caseType, string? step, string? department,
        bool? overdue, string? sort, bool? descending, HttpContext http, Handler handler, SkedDbContext db, DefinitionCatalog definitions, CancellationToken cancellationToken)
    {
        InboxScope? list = scope switch
        {
            null or "mine" => InboxScope.Mine,
            "available" => InboxScope.Available,
            "done" => InboxScope.Done,
            "department" => InboxScope.Department,
            _ => null,
        };
        if (list is null)
        {
            return ApiResults.Invalid("scope", Message.Of(WorkflowMessages.TaskUnknownScope));
        }

        var request = new InboxRequest(list.Value, Math.Max(page ?? 1, 1) - 1, pageSize ?? 50)
        {
            Search = search, CaseType = caseType, Step = step, Department = department, OverdueOnly = overdue ?? false, SortBy = sort, Descending = descending ?? false,
        };
        var result = await handler.HandleAsync(request, http.Member(), cancellationToken);
        var instanceIds = result.Rows.Select(r => r.InstanceId).Distinct().ToList();
        var versions = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.DefinitionId, i.DefinitionVersion), cancellationToken);
        var views = new List<TaskView>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var (definitionId, version) = versions[row.InstanceId];
            var workflow = await definitions.GetAsync(definitionId, version, cancellationToken);
            var node = workflow.Node(row.Step).PropertiesAs<HumanTaskNode.Props>();
            views.Add(new TaskView(row.TaskId, row.TrackingCode, row.CaseType, row.Step, row.Title, row.Status, row.CandidateRole, row.Department,
                row.Assignee, row.CreatedAt, row.DueAt, node.Outcomes, node.Form, row.Outcome, row.Subject));
        }

        http.Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(views);
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

/// <summary>Which list, which page, and the inbox's filters and sort (due date unless "created" or "trackingCode").</summary>
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
    string Title, HumanTaskStatus Status, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, SlaState Sla,
    Guid InstanceId, string CandidateRole, string? Outcome);

public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total);
