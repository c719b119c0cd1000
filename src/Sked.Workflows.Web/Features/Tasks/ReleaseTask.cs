using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// Release a claimed task back to the group's queue (its holder, or the department's head).
/// POST /api/v1/tasks/{id}/release and the task page both call <see cref="Handler"/>; who may is
/// <see cref="TaskRules.RefuseRelease"/>.
/// </summary>
public static class ReleaseTask
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

                if (task.RefuseRelease(staff) is { } refusal)
                {
                    return WorkflowResult.Refused(refusal);
                }

                task.Release();
                return await step.CommitTaskAsync(task, staff, TaskReleased.Of(task), cancellationToken);
            }, cancellationToken);
    }

    public static RouteGroupBuilder MapReleaseTask(this RouteGroupBuilder task)
    {
        task.MapPost("/release", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(new Request(id), http.Member(), ct)));
        return task;
    }
}
