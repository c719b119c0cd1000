using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// The task lists, each defined once: mine (claimed by me), available (my group's queue), done (completed
/// by me) and a head's department backlog. The inbox, the department page and GET /api/v1/tasks all call
/// <see cref="Handler"/>, so they show the same tasks in the same order: by due date, then id (so pages
/// never overlap). A list is one or a few queues, each an equality on an index that ends (due, id), so a
/// page is read from the index in order and nothing is sorted but the few rows of the page; a member
/// with several queues (roles, or a backlog's open and claimed tasks) gets the union of each queue's
/// first rows. Tasks without a due date come where each store's index puts nulls: first on SQLite, last
/// on PostgreSQL. Counts stop at <see cref="CountCap"/>: counting a third of a million open e-desk tasks
/// on every page costs more than the page.
/// </summary>
public static partial class ListTasks
{
    /// <summary>A list longer than this says "more than 1,000" instead of counting every row.</summary>
    public const int CountCap = 1000;

    /// <summary>A text search looks among at most this many of the best-matching cases in the member's reach.</summary>
    public const int SearchLimit = 1000;

    public sealed partial class Handler(IDbContextFactory<SkedDbContext> dbFactory, CaseIndex index, TimeProvider time)
    {
        public async Task<InboxResult> HandleAsync(InboxRequest request, StaffMember staff, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow();
            var (page, counted) = await ListedPageAsync(db, index, request, staff, cancellationToken) ?? await QueuedPageAsync(db, request, staff, now, cancellationToken);
            // The subjects of just this page are read afterwards, so a million cases cost no join.
            var caseIds = page.Select(t => t.CaseId).ToList();
            var subjects = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Subject, cancellationToken);
            return new InboxResult(
                page.Select(t => new InboxRow(t.Id, t.TrackingCode, t.CaseType, subjects.GetValueOrDefault(t.CaseId, string.Empty), t.Department, t.NodeId,
                    t.Title, t.Status, t.Assignee, t.CreatedAt, t.DueAt, Sla(t, now), t.InstanceId, t.CandidateRole, t.Outcome)
                {
                    CompletedAt = t.CompletedAt,
                    CompletedBy = t.CompletedBy,
                }).ToList(),
                Math.Min(counted, CountCap))
            {
                MoreThanTotal = counted > CountCap,
                Next = page.Count == Size(request) && IsDueOrder(request) ? TaskCursor.After(page[^1]) : null,
            };
        }

        /// <summary>A page read from the member's queues in SQL, and the list's length up to one past <see cref="CountCap"/>.</summary>
        private async Task<(List<HumanTask> Page, int Counted)> QueuedPageAsync(SkedDbContext db, InboxRequest request, StaffMember staff, DateTimeOffset now,
            CancellationToken cancellationToken)
        {
            // The words are looked up once in the case index, among the cases the member's queues can hold.
            var found = await FoundTasksAsync(db, index.Find(request.Search, CaseAccessKeys.Of(staff), SearchLimit), cancellationToken);
            var queues = Queues(db.Tasks.AsNoTracking(), request.Scope, staff)
                .Select(q => Search(db, Filter(q, request, now), request.Search, found))
                .ToList();
            if (queues.Count == 0)
            {
                return ([], 0);
            }

            var counted = await Union(queues.Select(q => q.Take(CountCap + 1))).CountAsync(cancellationToken);
            return (await PageAsync(queues, request, db.Database.IsNpgsql(), cancellationToken), counted);
        }

        /// <summary>
        /// One page: by number, or after a cursor. One queue is paged as it is; of several, each gives at most
        /// the rows up to the page's end, and their union (a few pages of rows at most) is ordered again and paged.
        /// </summary>
        private static Task<List<HumanTask>> PageAsync(List<IQueryable<HumanTask>> queues, InboxRequest request, bool postgres, CancellationToken cancellationToken)
        {
            var size = Size(request);
            var cursor = IsDueOrder(request) ? request.After : null;
            var skip = cursor is null ? Math.Max(0, request.Page) * size : 0;
            var after = cursor is null ? queues : queues.SelectMany(q => Beyond(q, cursor, request.Descending, postgres)).ToList();
            var ordered = after.Count == 1 ? Order(after[0], request) : Order(Union(after.Select(q => Order(q, request).Take(skip + size))), request);
            return ordered.Skip(skip).Take(size).ToListAsync(cancellationToken);
        }

        // The found cases' tasks: the lists then test a short id list instead of scanning a queue against the cases.
        private static async Task<IReadOnlyList<Guid>?> FoundTasksAsync(SkedDbContext db, IReadOnlyList<Guid>? cases, CancellationToken cancellationToken) =>
            cases is null ? null
            : cases.Count == 0 ? []
            : await CaseTasks.Of(db, cases).Select(t => t.Id).ToListAsync(cancellationToken);

        private static int Size(InboxRequest request) => Math.Clamp(request.PageSize, 1, 200);
    }

    /// <summary>Whether the list is in due-date order, the order a <see cref="TaskCursor"/> pages in.</summary>
    public static bool IsDueOrder(InboxRequest request) => request.SortBy is not ("created" or "trackingCode" or "completed");

    /// <summary>The queues of one list for the member, each an equality on one of the tasks' list indexes.</summary>
    private static IEnumerable<IQueryable<HumanTask>> Queues(IQueryable<HumanTask> tasks, InboxScope scope, StaffMember staff) => scope switch
    {
        InboxScope.Mine => [tasks.Where(t => t.Assignee == staff.UserName && t.Status == HumanTaskStatus.Claimed)],
        InboxScope.Done => [tasks.Where(t => t.CompletedBy == staff.UserName && t.Status == HumanTaskStatus.Completed)],
        InboxScope.Department when staff.IsIn(Roles.DepartmentHead) =>
        [
            tasks.Where(t => t.Department == staff.Department && t.Status == HumanTaskStatus.Open),
            tasks.Where(t => t.Department == staff.Department && t.Status == HumanTaskStatus.Claimed),
        ],
        InboxScope.Department => [],
        _ => Available(tasks, staff),
    };

    /// <summary>Open tasks offered to one of the member's roles (and, for departmental roles, their department): one queue per role.</summary>
    private static IEnumerable<IQueryable<HumanTask>> Available(IQueryable<HumanTask> tasks, StaffMember staff)
    {
        foreach (var role in staff.Roles.Order(StringComparer.Ordinal))
        {
            if (!Roles.IsDepartmental(role))
            {
                yield return tasks.Where(t => t.Status == HumanTaskStatus.Open && t.CandidateRole == role);
            }
            else if (staff.Department is not null)
            {
                yield return tasks.Where(t => t.Status == HumanTaskStatus.Open && t.CandidateRole == role && t.Department == staff.Department);
            }
        }
    }

    // One queue is read as it is; several are a UNION ALL (each queue holds different tasks).
    private static IQueryable<HumanTask> Union(IEnumerable<IQueryable<HumanTask>> queues) => queues.Aggregate((all, next) => all.Concat(next));

    /// <summary>
    /// The part of a queue after the cursor, in due-date order, as index ranges: the dated tasks past the
    /// cursor (an inequality on due, then id among the ties) and the undated ones on the side of the
    /// order where this store keeps nulls (SQLite sorts them first, PostgreSQL last).
    /// </summary>
    private static IEnumerable<IQueryable<HumanTask>> Beyond(IQueryable<HumanTask> queue, TaskCursor cursor, bool descending, bool postgres)
    {
        var nullsFirst = postgres == descending;
        var id = cursor.Id;
        if (cursor.DueAt is { } due)
        {
            yield return descending
                ? queue.Where(t => t.DueAt <= due && (t.DueAt < due || t.Id.CompareTo(id) < 0))
                : queue.Where(t => t.DueAt >= due && (t.DueAt > due || t.Id.CompareTo(id) > 0));
            if (!nullsFirst)
            {
                yield return queue.Where(t => t.DueAt == null);
            }

            yield break;
        }

        yield return descending
            ? queue.Where(t => t.DueAt == null && t.Id.CompareTo(id) < 0)
            : queue.Where(t => t.DueAt == null && t.Id.CompareTo(id) > 0);
        if (nullsFirst)
        {
            yield return queue.Where(t => t.DueAt != null);
        }
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

    /// <summary>
    /// Digits are a tracking-code prefix; words go through the case index (<paramref name="found"/>: the tasks of the cases
    /// whose name, subject, body or answers match in Persian analysis) and, while it is not ready or when they hold no
    /// searchable term, a scan.
    /// </summary>
    private static IQueryable<HumanTask> Search(SkedDbContext db, IQueryable<HumanTask> tasks, string? text, IReadOnlyList<Guid>? found)
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

        if (search.Length > 0 && found is not null)
        {
            // A list of ids the planner can count (the primary key's lookups), not one opaque array parameter.
            return found.Count == 0 ? tasks.Where(t => false) : tasks.Where(t => found.Contains(t.Id));
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
        // The done list reads newest first: what the member just finished is on top.
        ("completed", false) => tasks.OrderBy(t => t.CompletedAt).ThenBy(t => t.Id),
        ("completed", true) => tasks.OrderByDescending(t => t.CompletedAt).ThenByDescending(t => t.Id),
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

    /// <summary>
    /// GET /api/v1/tasks?scope=mine|available|done|department&amp;page=1&amp;pageSize=50 (and the inbox's filters);
    /// X-Total-Count tells the list's length up to <see cref="CountCap"/> (X-Total-Count-Capped: true when it is
    /// longer). In due-date order a full page also sends X-Next-After: pass it as ?after= for the next page,
    /// which reads on from the index instead of skipping earlier pages.
    /// </summary>
    public static RouteGroupBuilder MapListTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", Endpoint).RequireAuthorization(Policies.Staff).WithTags("Tasks").Produces<IReadOnlyList<TaskView>>();
        return api;
    }

    private static async Task<IResult> Endpoint(string? scope, int? page, int? pageSize, string? search, string? caseType, string? step, string? department,
        bool? overdue, string? sort, bool? descending, string? after, HttpContext http, Handler handler, SkedDbContext db, DefinitionCatalog definitions,
        CancellationToken cancellationToken)
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
        if (after is not null)
        {
            if (!TaskCursor.TryParse(after, out var cursor) || !IsDueOrder(request))
            {
                return ApiResults.Invalid("after", Message.Of(TaskListTexts.AfterInvalid));
            }

            request = request with { After = cursor };
        }

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
        if (result.MoreThanTotal)
        {
            http.Response.Headers["X-Total-Count-Capped"] = "true";
        }

        if (result.Next is { } next)
        {
            http.Response.Headers["X-Next-After"] = next.ToString();
        }

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

/// <summary>
/// Which list, which page (or the page after a cursor, in due-date order), and the inbox's filters and sort
/// (due date unless "created", "trackingCode" or "completed").
/// </summary>
public sealed record InboxRequest(InboxScope Scope, int Page = 0, int PageSize = 25)
{
    public TaskCursor? After { get; init; }
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
    Guid InstanceId, string CandidateRole, string? Outcome)
{
    /// <summary>When and by whom a finished task was finished (the done list shows these instead of the old deadline).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public string? CompletedBy { get; init; }
}

/// <summary>A page of a list and the list's length, which stops at <see cref="ListTasks.CountCap"/> (then <see cref="MoreThanTotal"/>).</summary>
public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total)
{
    /// <summary>The list holds more than <see cref="Total"/> tasks; they were not counted.</summary>
    public bool MoreThanTotal { get; init; }

    /// <summary>Where the next page starts, when this one was full and in due-date order.</summary>
    public TaskCursor? Next { get; init; }
}
