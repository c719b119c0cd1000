namespace Sked.Workflows.Web.Features.Health;

/// <summary>When the backlog counts as trouble (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>The oldest undelivered message may wait this long before readiness turns red.</summary>
    public TimeSpan OutboxLateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A due timer may be this late before readiness turns red.</summary>
    public TimeSpan TimersLateAfter { get; set; } = TimeSpan.FromMinutes(5);
}
