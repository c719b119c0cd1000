namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>Outbox__* settings: how often to look for work and how a failing delivery backs off.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How long the dispatcher sleeps when no commit wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry delay; each further attempt doubles it, up to an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many failures a message is parked as dead for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, RetryBaseDelay.Ticks * (long)Math.Pow(2, Math.Max(0, attempts - 1))));
}
