using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// The answer of a workflow operation, in terms the HTTP API maps one-to-one. A refusal carries a
/// <see cref="Domain.Text.Message"/>; the edge renders it (ProblemDetails, a page's alert).
/// </summary>
public sealed record WorkflowResult(WorkflowResultKind Kind, Message? Message = null, IReadOnlyDictionary<string, Message[]>? Errors = null)
{
    public static WorkflowResult Ok { get; } = new(WorkflowResultKind.Ok);

    /// <summary>Field errors as codes per field; the edge renders them (ProblemDetails <c>errors</c>, form fields).</summary>
    public static WorkflowResult Invalid(IReadOnlyDictionary<string, Message[]> errors) =>
        new(WorkflowResultKind.Invalid, Message.Of(WorkflowMessages.CaseInvalid), errors);

    public static WorkflowResult NotFound(string code) => new(WorkflowResultKind.NotFound, Message.Of(code));

    public static WorkflowResult Forbidden(string code) => new(WorkflowResultKind.Forbidden, Message.Of(code));

    public static WorkflowResult Conflict(Message message) => new(WorkflowResultKind.Conflict, message);

    public static WorkflowResult Conflict(string code) => Conflict(Message.Of(code));

    /// <summary>A task rule's refusal, as the operation's answer.</summary>
    public static WorkflowResult Refused(TaskRefusal refusal) => new(
        refusal.Kind == TaskRefusalKind.Forbidden ? WorkflowResultKind.Forbidden : WorkflowResultKind.Conflict, refusal.Message);
}

public enum WorkflowResultKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>A started case: its tracking code, and for letters the password shown once.</summary>
public sealed record StartedCase(WorkflowResult Result, string? TrackingCode = null, string? Password = null, DateTimeOffset? ExpectedAnswerAt = null);
