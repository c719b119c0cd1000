namespace Sked.Workflows.Testing;

/// <summary>How <see cref="MailServer"/> starts its Dovecot and Exim.</summary>
public sealed record MailServerOptions
{
    /// <summary>False hides IDLE from Dovecot's capabilities, so the app must fall back to polling.</summary>
    public bool Idle { get; init; } = true;

    /// <summary>The info@ account's password; a fresh one per server when not given.</summary>
    public string? InfoPassword { get; init; }
}
