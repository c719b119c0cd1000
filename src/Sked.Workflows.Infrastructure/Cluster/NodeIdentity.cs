namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Who this process is among the nodes on one database: a name for people (Cluster__NodeName, or the
/// machine and process) and an id unique to this start, so a node knows its own notifications and leases.
/// </summary>
public sealed class NodeIdentity(string? name)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? $"{Environment.MachineName}:{Environment.ProcessId}" : name;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Name and id together: what a lease row or a log line records as the holder.</summary>
    public override string ToString() => $"{Name}/{Id}";
}
