namespace Sked.Workflows.Infrastructure.Timers;

/// <summary>Timers__* settings of the due-timer poller.</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>The longest the poller sleeps when no commit tells it of an earlier timer.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due timers one poll leases; they are fired through group commits.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a leased timer belongs to the node that leased it; if that node dies, another fires it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
}
