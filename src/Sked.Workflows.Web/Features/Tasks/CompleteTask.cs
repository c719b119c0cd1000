using System.Text.Json;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// Complete a task with one of its node's outcomes and the form's data; the case runs to its next wait
/// state. An open task is claimed on the way. POST /api/v1/tasks/{id}/complete and the task page's
/// outcome buttons both call <see cref="Handler"/>; who may is <see cref="TaskRules.RefuseCompletion"/>.
/// </summary>
public static class CompleteTask
{
    public sealed record Request(Guid TaskId, string? Outcome, IReadOnlyDictionary<string, string?> Data);

    public sealed record Body(string? Outcome, Dictionary<string, JsonElement>? Data);

    public sealed class Handler(EngineRunner runner)
    {
        public Task<WorkflowResult> HandleAsync(Request request, StaffMember staff, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Outcome))
            {
                return Task.FromResult(WorkflowResult.Invalid(new Dictionary<string, Message[]>(StringComparer.Ordinal)
                {
                    ["outcome"] = [Message.Of(WorkflowMessages.TaskOutcomeRequired)],
                }));
            }

            var outcome = request.Outcome.Trim();
            return runner.RunAsync(async step =>
            {
                var task = await step.TaskAsync(request.TaskId, cancellationToken);
                if (task is null)
                {
                    return WorkflowResult.NotFound(WorkflowMessages.TaskNotFound);
                }

                return task.RefuseCompletion(staff) is { } refusal
                    ? WorkflowResult.Refused(refusal)
                    : await step.CompleteAsync(task, staff, outcome, request.Data, cancellationToken);
            }, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapCompleteTask(this RouteGroupBuilder task)
    {
        task.MapPost("/complete", async (Guid id, Body body, HttpContext http, Handler handler, CancellationToken ct) =>
        {
            var data = (body.Data ?? []).ToDictionary(e => e.Key, e => AsText(e.Value), StringComparer.Ordinal);
            return ApiResults.From(await handler.HandleAsync(new Request(id, body.Outcome, data), http.Member(), ct));
        });
        return task;
    }

    // Form values are text; numbers and booleans sent as JSON literals are accepted as their text.
    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
