namespace Sked.Workflows.Domain.Calendar;

/// <summary>A one-off closure of the offices, whole days From–To inclusive (e.g. a heat closure), with its reason.</summary>
public sealed record Closure(DateOnly From, DateOnly To, string Reason)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}
