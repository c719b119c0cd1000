namespace Sked.Workflows.Infrastructure.StaffNotices;

/// <summary>Tells open staff screens, after commit, that notices were written for these recipients, so a bell rings at once.</summary>
public sealed class StaffNoticeFeed
{
    public event EventHandler<StaffNoticesWrittenEventArgs>? Written;

    public void Publish(IReadOnlyList<string> recipients) => Publish(new StaffNoticesWrittenEventArgs(recipients));

    /// <summary>As above; other nodes' notices arrive here too (<see cref="Cluster.TaskChangeListener"/>).</summary>
    public void Publish(StaffNoticesWrittenEventArgs written)
    {
        if (written.Recipients.Count > 0)
        {
            Written?.Invoke(this, written);
        }
    }
}

/// <summary>The logins and group keys that got notices in one commit.</summary>
public sealed class StaffNoticesWrittenEventArgs(IReadOnlyList<string> recipients) : EventArgs
{
    public IReadOnlyList<string> Recipients { get; } = recipients;

    /// <summary>Written on another node: this node does not pass it on.</summary>
    public bool FromOtherNode { get; init; }
}
