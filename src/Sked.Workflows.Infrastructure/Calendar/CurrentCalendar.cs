using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Calendar;

/// <summary>
/// The working calendar, cached: every signal that sets a deadline reads it, and it changes only when
/// an admin edits it (then <see cref="ReloadAsync"/>). A fresh database is seeded with the default week
/// and the official holidays of 1404–1406.
/// </summary>
public sealed class CurrentCalendar(IDbContextFactory<SkedDbContext> dbFactory) : Cluster.IFollowedData
{
    /// <summary>The Jalali years seeded on a fresh database.</summary>
    public static readonly IReadOnlyList<int> SeededYears = [1404, 1405, 1406];

    private volatile WorkingCalendar _value = WorkingCalendar.Default;

    public WorkingCalendar Value => _value;

    public string Name => "working calendar";

    public int LoadedVersion => _value.Version;

    public async Task<int?> StoredVersionAsync(SkedDbContext db, CancellationToken cancellationToken) =>
        await db.CalendarSettings.AsNoTracking().MaxAsync(s => (int?)s.Version, cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _value = await LoadAsync(db, cancellationToken);
    }

    /// <summary>The calendar as the rows in <paramref name="db"/> have it (inside a transaction: as that transaction sees it).</summary>
    public static async Task<WorkingCalendar> LoadAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.CalendarSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return WorkingCalendar.Default;
        }

        var holidays = await db.CalendarHolidays.AsNoTracking().ToListAsync(cancellationToken);
        var closures = await db.CalendarClosures.AsNoTracking().ToListAsync(cancellationToken);
        return new WorkingCalendar(settings.Version,
            WeeklyPattern.TryParse(settings.Week, out var week) ? week : WeeklyPattern.Default,
            new WorkingHours(settings.Opens, settings.Closes, settings.HalfDayCloses),
            holidays.Select(h => new Holiday(h.Date, h.Title, h.Confirmed)),
            closures.Select(c => new Closure(c.From, c.To, c.Reason)));
    }

    /// <summary>On a database without a calendar: the default week and hours, and the official holidays of the seeded years.</summary>
    public static async Task SeedAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CalendarSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        var hours = WorkingHours.Default;
        db.CalendarSettings.Add(new CalendarSettings
        {
            Version = 1,
            Week = WeeklyPattern.Default.ToCode(),
            Opens = hours.Opens,
            Closes = hours.Closes,
            HalfDayCloses = hours.HalfDayCloses,
        });
        var holidays = SeededYears.SelectMany(OfficialHolidays.For).GroupBy(h => h.Date)
            .Select(g => new CalendarHoliday { Date = g.Key, Title = string.Join(" / ", g.Select(h => h.Title).Distinct(StringComparer.Ordinal)), Confirmed = g.All(h => h.Confirmed) });
        db.CalendarHolidays.AddRange(holidays);
        await db.SaveChangesAsync(cancellationToken);
    }
}
