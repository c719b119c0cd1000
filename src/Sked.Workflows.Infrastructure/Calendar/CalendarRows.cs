using Microsoft.EntityFrameworkCore;

namespace Sked.Workflows.Infrastructure.Calendar;

/// <summary>The one row of the working calendar's settings; <see cref="Version"/> moves with every change to the calendar.</summary>
public sealed class CalendarSettings
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;
    public int Version { get; set; }

    /// <summary>Seven letters, Saturday first: W working, H half day, O off.</summary>
    public string Week { get; set; } = string.Empty;
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public TimeOnly HalfDayCloses { get; set; }

    /// <summary>The only zone the hours are read in today; stored so a reader of the row knows.</summary>
    public string TimeZone { get; set; } = "Asia/Tehran";
}

/// <summary>An official holiday; unconfirmed when computed from the Hijri calendar and not yet checked by an admin.</summary>
public sealed class CalendarHoliday
{
    public DateOnly Date { get; init; }
    public string Title { get; set; } = string.Empty;
    public bool Confirmed { get; set; }
}

/// <summary>A one-off closure of whole days, with who added it and when.</summary>
public sealed class CalendarClosure
{
    public long Id { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public string Reason { get; init; } = string.Empty;
    public string AddedBy { get; init; } = string.Empty;
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>How the calendar's rows are stored (called from the context's model).</summary>
public static class CalendarModel
{
    public static void Map(ModelBuilder builder)
    {
        builder.Entity<CalendarSettings>(e =>
        {
            e.ToTable("calendar_settings");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Week).HasMaxLength(7);
            e.Property(s => s.TimeZone).HasMaxLength(60);
        });
        builder.Entity<CalendarHoliday>(e =>
        {
            e.ToTable("calendar_holidays");
            e.HasKey(h => h.Date);
            e.Property(h => h.Title).HasMaxLength(200);
        });
        builder.Entity<CalendarClosure>(e =>
        {
            e.ToTable("calendar_closures");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.From);
            e.Property(c => c.Reason).HasMaxLength(500);
            e.Property(c => c.AddedBy).HasMaxLength(120);
        });
    }
}
