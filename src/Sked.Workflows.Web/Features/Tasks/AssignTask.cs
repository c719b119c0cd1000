using Microsoft.AspNetCore.Identity;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// A department head hands an open or claimed task of the department to one of its members.
/// POST /api/v1/tasks/{id}/assign {"assignee": "staff.billing"} and the task page both call
/// <see cref="Handler"/>; who may is <see cref="TaskRules.RefuseAssignment"/>, with the assignee's
/// department read from their account, not from the caller.
/// </summary>
public static class AssignTask
{
    public sealed record Request(Guid TaskId, string Assignee);

    public sealed record Body(string? Assignee);

    public sealed class Handler(EngineRunner runner, UserManager<StaffUser> users)
    {
        public async Task<WorkflowResult> HandleAsync(Request request, StaffMember head, CancellationToken cancellationToken)
        {
            var assignee = await users.FindByNameAsync(request.Assignee);
            return await runner.RunAsync(async step =>
            {
                var task = await step.TaskAsync(request.TaskId, cancellationToken);
                if (task is null)
                {
                    return WorkflowResult.NotFound(WorkflowMessages.TaskNotFound);
                }

                if (task.RefuseAssignment(head, assignee?.Department) is { } refusal)
                {
                    return WorkflowResult.Refused(refusal);
                }

                task.ClaimFor(assignee!.UserName!, step.Now);
                return await step.CommitTaskAsync(task, head, TaskAssigned.Of(task), cancellationToken);
            }, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapAssignTask(this RouteGroupBuilder task)
    {
        task.MapPost("/assign", async (Guid id, Body body, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(new Request(id, body.Assignee ?? string.Empty), http.Member(), ct)));
        return task;
    }
}
