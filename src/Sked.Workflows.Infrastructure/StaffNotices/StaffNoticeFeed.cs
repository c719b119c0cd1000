namespace Sked.Workflows.Infrastructure.StaffNotices;

/// <summary>Tells open staff screens, after commit, that notices were written for these recipients, so a bell rings at once.</summary>
public sealed class StaffNoticeFeed
{
    public event EventHandler<StaffNoticesWrittenEventArgs>? Written;

    public void Publish(IReadOnlyList<string> recipients)
    {
        if (recipients.Count > 0)
        {
            Written?.Invoke(this, new StaffNoticesWrittenEventArgs(recipients));
        }
    }
}

/// <summary>The logins and group keys that got notices in one commit.</summary>
public sealed class StaffNoticesWrittenEventArgs(IReadOnlyList<string> recipients) : EventArgs
{
    public IReadOnlyList<string> Recipients { get; } = recipients;
}
