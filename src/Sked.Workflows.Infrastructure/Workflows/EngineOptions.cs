using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>Engine__* settings: where definitions live and how failing nodes are retried.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Folder of definition files; default: the workflows folder shipped beside the app.</summary>
    public string? WorkflowsPath { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Delays between attempts at a failing node, e.g. ["00:00:30", "00:05:00"]. Starts empty because
    /// configuration binding appends to a list; empty means the engine's defaults.
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>How many times a signal is re-applied after losing an optimistic-concurrency race.</summary>
    public int ConflictRetries { get; set; } = 8;

    /// <summary>
    /// How many group-commit writers run side by side on PostgreSQL (SQLite has one write lock, so one
    /// writer). Each commits a batch of whatever units are waiting.
    /// </summary>
    public int PostgresWriters { get; set; } = 3;

    public EngineLimits ToLimits() => RetryDelays.Count == 0
        ? new EngineLimits { MaxAttempts = MaxAttempts }
        : new EngineLimits { MaxAttempts = MaxAttempts, RetryDelays = RetryDelays };
}
