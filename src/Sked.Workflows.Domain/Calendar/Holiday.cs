namespace Sked.Workflows.Domain.Calendar;

/// <summary>
/// An official holiday. <see cref="Confirmed"/> is false for a lunar holiday computed from the Hijri
/// calendar: Iran fixes those by sighting the moon, so they can move by a day until an admin confirms.
/// </summary>
public sealed record Holiday(DateOnly Date, string Title, bool Confirmed = true);
