namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>Settings of a node that shares its PostgreSQL database with others (section <c>Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>This node's name in logs and leases; the machine name and process id when unset.</summary>
    public string? NodeName { get; set; }

    /// <summary>How often a node looks for changes whose notification it missed: one missed costs at most twice this.</summary>
    public double CatchUpSeconds { get; set; } = 1.5;

    /// <summary>The first pause before the listening connection is opened again after an outage; it doubles up to ten times this.</summary>
    public double ReconnectSeconds { get; set; } = 1;

    /// <summary>How long a node holds singleton work (SMS delivery reports) before another may take it; renewed every third of it.</summary>
    public double LeaseSeconds { get; set; } = 15;

    public bool IsValid => CatchUpSeconds > 0 && ReconnectSeconds > 0 && LeaseSeconds >= 3;
}
