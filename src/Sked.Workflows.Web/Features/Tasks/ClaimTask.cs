using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// Claim a task: it leaves the group's queue and becomes the member's. Of two concurrent claims exactly
/// one wins; the other hears that a colleague has it. POST /api/v1/tasks/{id}/claim and the task page's
/// button both call <see cref="Handler"/>; who may claim is <see cref="TaskRules.RefuseClaim"/>.
/// </summary>
public static class ClaimTask
{
    public sealed record Request(Guid TaskId);

    public sealed class Handler(EngineRunner runner)
    {
        public Task<WorkflowResult> HandleAsync(Request request, StaffMember staff, CancellationToken cancellationToken) =>
            runner.RunAsync(async step =>
            {
                var task = await step.TaskAsync(request.TaskId, cancellationToken);
                if (task is null)
                {
                    return WorkflowResult.NotFound(WorkflowMessages.TaskNotFound);
                }

                if (task.RefuseClaim(staff) is { } refusal)
                {
                    return WorkflowResult.Refused(refusal);
                }

                if (task.IsHeldBy(staff))
                {
                    return WorkflowResult.Ok;
                }

                task.ClaimFor(staff.UserName, step.Now);
                return await step.CommitTaskAsync(task, staff, TaskClaimed.Of(task), cancellationToken);
            }, cancellationToken);
    }

    public static RouteGroupBuilder MapClaimTask(this RouteGroupBuilder task)
    {
        task.MapPost("/claim", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(new Request(id), http.Member(), ct)));
        return task;
    }
}
