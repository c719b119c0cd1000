using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>GET /api/v1/tasks?scope=mine|available|done: the caller's work, oldest due first.</summary>
public static class ListTasks
{
    public sealed record TaskView(Guid Id, string TrackingCode, string Type, string Step, string Title, HumanTaskStatus Status,
        string CandidateRole, string? Department, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
        IReadOnlyList<TaskOutcome> Outcomes, IReadOnlyList<FormField> Form, string? Outcome);

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", Handle).RequireAuthorization(Policies.Staff).WithTags("Tasks").Produces<IReadOnlyList<TaskView>>();
        return api;
    }

    private static async Task<IResult> Handle(string? scope, int? page, int? pageSize, HttpContext http, SkedDbContext db, DefinitionCatalog definitions, CancellationToken cancellationToken)
    {
        var staff = http.Member();
        var query = scope switch
        {
            null or "mine" => db.Tasks.Where(t => t.Assignee == staff.UserName && (t.Status == HumanTaskStatus.Claimed || t.Status == HumanTaskStatus.Open)),
            "available" => Available(db.Tasks, staff),
            "done" => db.Tasks.Where(t => t.CompletedBy == staff.UserName && t.Status == HumanTaskStatus.Completed),
            _ => null,
        };
        if (query is null)
        {
            return ApiResults.Invalid("scope", "scope must be mine, available or done.");
        }

        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        var rows = await query.AsNoTracking()
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .Skip(skip).Take(size)
            .Join(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var views = new List<TaskView>(rows.Count);
        foreach (var row in rows)
        {
            var workflow = await definitions.GetAsync(row.DefinitionId, row.DefinitionVersion, cancellationToken);
            var node = workflow.Node(row.Task.NodeId).PropertiesAs<HumanTaskNode.Props>();
            var t = row.Task;
            views.Add(new TaskView(t.Id, t.TrackingCode, t.CaseType, t.NodeId, t.Title, t.Status, t.CandidateRole, t.Department,
                t.Assignee, t.CreatedAt, t.DueAt, node.Outcomes, node.Form, t.Outcome));
        }

        return Results.Ok(views);
    }

    /// <summary>Open tasks offered to one of the member's roles (and, for departmental roles, their department).</summary>
    public static IQueryable<HumanTask> Available(IQueryable<HumanTask> tasks, StaffMember staff)
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
}
