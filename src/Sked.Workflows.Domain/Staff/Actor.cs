namespace Sked.Workflows.Domain.Staff;

/// <summary>Who caused a change, and from where (recorded with staff actions).</summary>
public record Actor(string Name, string? ClientAddress)
{
    /// <summary>The name the engine acts under when nobody asked (timers, retries).</summary>
    public const string SystemName = "system";

    public static Actor System { get; } = new(SystemName, null);

    /// <summary>The name recorded for a citizen's own action (a submission, a tracking lookup).</summary>
    public const string CitizenName = "citizen";

    public static Actor Citizen(string? clientAddress) => new(CitizenName, clientAddress);
}
