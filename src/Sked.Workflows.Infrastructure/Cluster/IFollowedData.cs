using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Shared data a node keeps in memory and reloads when another node changed it (the working calendar, the
/// synonym table): each edit raises a version stored in one row, which <see cref="VersionFollower"/> compares.
/// </summary>
public interface IFollowedData
{
    /// <summary>What the data is, for the log.</summary>
    string Name { get; }

    /// <summary>The version this node holds.</summary>
    int LoadedVersion { get; }

    /// <summary>The version the database holds; null before it is seeded.</summary>
    Task<int?> StoredVersionAsync(SkedDbContext db, CancellationToken cancellationToken);

    Task ReloadAsync(CancellationToken cancellationToken);
}
