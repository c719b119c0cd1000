using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Http;

/// <summary>Maps a workflow operation's result to HTTP: field errors as ValidationProblem, the rest as ProblemDetails.</summary>
public static class ApiResults
{
    public static IResult From(WorkflowResult result, Func<IResult>? ok = null) => result.Kind switch
    {
        WorkflowResultKind.Ok => ok?.Invoke() ?? Results.NoContent(),
        WorkflowResultKind.Invalid => Results.ValidationProblem(
            result.Errors!.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), title: result.Message),
        WorkflowResultKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Message),
        WorkflowResultKind.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: result.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message),
    };

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title: "ورودی نامعتبر است.");
}
