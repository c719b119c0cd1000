using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>What a node did with the token: finished with an outcome, waits, or refused a user's input.</summary>
public sealed record NodeStep
{
    private NodeStep(NodeStepKind kind, string? outcome, IReadOnlyDictionary<string, Message[]>? errors)
    {
        Kind = kind;
        Outcome = outcome;
        Errors = errors;
    }

    public NodeStepKind Kind { get; }
    public string? Outcome { get; }
    public IReadOnlyDictionary<string, Message[]>? Errors { get; }

    public static NodeStep Wait { get; } = new(NodeStepKind.Wait, null, null);
    public static NodeStep Finished { get; } = new(NodeStepKind.End, null, null);

    public static NodeStep Continue(string outcome) => new(NodeStepKind.Continue, outcome, null);

    /// <summary>The signal's input was wrong (a missing form field); nothing it did is kept.</summary>
    public static NodeStep Reject(IReadOnlyDictionary<string, Message[]> errors) => new(NodeStepKind.Reject, null, errors);
}

public enum NodeStepKind
{
    Continue,
    Wait,
    End,
    Reject,
}

/// <summary>
/// A node could not do its work (no rule matched, an answer is missing). The instance stops at the
/// node, is retried with back-off and becomes an incident after the configured number of attempts.
/// </summary>
public sealed class NodeFailureException(string message) : Exception(message);
