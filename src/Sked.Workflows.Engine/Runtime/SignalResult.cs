using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>
/// What applying a signal came to. Only <see cref="SignalStatus.Applied"/> is committed.
/// <see cref="Message"/> is English for logs and dry runs; <see cref="Reason"/> is what a person reads.
/// </summary>
public sealed record SignalResult(SignalStatus Status, IReadOnlyList<Effect> Effects, IReadOnlyDictionary<string, Message[]>? Errors = null, string? Message = null,
    Message? Reason = null)
{
    public static SignalResult Rejected(IReadOnlyDictionary<string, Message[]> errors) => new(SignalStatus.Rejected, [], errors);

    public static SignalResult Conflict(Message reason, string detail) => new(SignalStatus.Conflict, [], Message: detail, Reason: reason);

    public static SignalResult Ignored(string message) => new(SignalStatus.Ignored, [], Message: message);
}

public enum SignalStatus
{
    /// <summary>State and effects are to be committed together.</summary>
    Applied,
    /// <summary>The caller's input was wrong; nothing changes.</summary>
    Rejected,
    /// <summary>The signal no longer fits the instance (task already done, another step current).</summary>
    Conflict,
    /// <summary>A duplicate or stale delivery (a timer fired twice); nothing changes.</summary>
    Ignored,
}
