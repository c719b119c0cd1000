namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>The answer of a workflow operation, in terms the HTTP API maps one-to-one.</summary>
public sealed record WorkflowResult(WorkflowResultKind Kind, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static WorkflowResult Ok { get; } = new(WorkflowResultKind.Ok);

    public static WorkflowResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(WorkflowResultKind.Invalid, "ورودی نامعتبر است.", errors);

    /// <summary>Field errors given as codes, rendered here into the Persian sentences the result carries.</summary>
    public static WorkflowResult Invalid(IReadOnlyDictionary<string, Domain.Text.Message[]> errors) => Invalid(Domain.Cases.FieldErrors.Render(errors));

    public static WorkflowResult NotFound(string message) => new(WorkflowResultKind.NotFound, message);

    public static WorkflowResult Forbidden(string message) => new(WorkflowResultKind.Forbidden, message);

    public static WorkflowResult Conflict(string message) => new(WorkflowResultKind.Conflict, message);
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
