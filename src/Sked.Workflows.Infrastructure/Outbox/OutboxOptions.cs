namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>Outbox__* settings: how often to look for work, how much to take at once and how a failing delivery backs off.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How long the dispatcher sleeps when no commit wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry delay; each further attempt doubles it, up to an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many failures a message is parked as dead for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How many due messages one lease takes; a full batch means "look again at once".</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// The shortest time from one lease to the next while messages keep coming. Every commit that writes a
    /// message wakes the dispatcher; without this pause, under a stream of submissions each batch would hold
    /// only the few messages committed while the last one was out, and pay its own lease, results transaction
    /// and audit seal. A message after a quiet spell still goes at once.
    /// </summary>
    public TimeSpan GatherWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many messages of a batch are on their way at the same time.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// How long a node owns the messages it leased. A node that dies strands nothing: after this,
    /// another node takes them. A delivery is given up after half of it, so a live node records its
    /// results while the lease is still its own.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan DeliveryTimeout => Lease / 2;

    public bool IsValid => PollInterval > TimeSpan.Zero && GatherWindow >= TimeSpan.Zero && RetryBaseDelay > TimeSpan.Zero && MaxAttempts >= 1
        && BatchSize >= 1 && Parallelism >= 1 && Lease > TimeSpan.Zero;

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, RetryBaseDelay.Ticks * (long)Math.Pow(2, Math.Max(0, attempts - 1))));
}
