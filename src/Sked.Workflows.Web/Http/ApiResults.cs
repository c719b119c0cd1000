using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// Maps a workflow operation's result to HTTP: field errors as ValidationProblem, the rest as
/// ProblemDetails whose title is the message's Persian sentence and whose "code" is its code.
/// </summary>
public static class ApiResults
{
    public static IResult From(WorkflowResult result, Func<IResult>? ok = null) => result.Kind switch
    {
        WorkflowResultKind.Ok => ok?.Invoke() ?? Results.NoContent(),
        WorkflowResultKind.Invalid => Results.ValidationProblem(
            new Dictionary<string, string[]>(FieldErrors.Render(result.Errors!), StringComparer.Ordinal), title: Render(result.Message ?? Message.Of(WorkflowMessages.CaseInvalid))),
        WorkflowResultKind.NotFound => Problem(StatusCodes.Status404NotFound, result.Message),
        WorkflowResultKind.Forbidden => Problem(StatusCodes.Status403Forbidden, result.Message),
        _ => Problem(StatusCodes.Status409Conflict, result.Message),
    };

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title: Catalogue.Render(WorkflowMessages.CaseInvalid));

    public static IResult Invalid(string field, Message message) => Invalid(field, Catalogue.Render(message));

    private static IResult Problem(int status, Message? message) => message is null
        ? Results.Problem(statusCode: status)
        : Results.Problem(statusCode: status, title: Catalogue.Render(message),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = message.Code });

    private static string Render(Message message) => Catalogue.Render(message);
}
