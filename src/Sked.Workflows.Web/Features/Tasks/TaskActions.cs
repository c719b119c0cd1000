using System.Text.Json;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// POST /api/v1/tasks/{id}/claim, /release and /complete. 409 when a colleague holds the task or it
/// is already done, 403 when the caller's role or department does not fit.
/// </summary>
public static class TaskActions
{
    public sealed record CompleteRequest(string? Outcome, Dictionary<string, JsonElement>? Data);

    public static RouteGroupBuilder MapTaskActions(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks/{id:guid}").RequireAuthorization(Policies.Staff).WithTags("Tasks");
        tasks.MapPost("/claim", async (Guid id, HttpContext http, CaseWorkflowService workflows, CancellationToken ct) =>
            ApiResults.From(await workflows.ClaimAsync(id, http.Member(), ct)));
        tasks.MapPost("/release", async (Guid id, HttpContext http, CaseWorkflowService workflows, CancellationToken ct) =>
            ApiResults.From(await workflows.ReleaseAsync(id, http.Member(), ct)));
        tasks.MapPost("/complete", Complete);
        return api;
    }

    private static async Task<IResult> Complete(Guid id, CompleteRequest request, HttpContext http, CaseWorkflowService workflows, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            return ApiResults.Invalid("outcome", "پیامد (outcome) را مشخص کنید.");
        }

        var data = (request.Data ?? []).ToDictionary(e => e.Key, e => AsText(e.Value), StringComparer.Ordinal);
        return ApiResults.From(await workflows.CompleteAsync(id, http.Member(), request.Outcome.Trim(), data, cancellationToken));
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
