namespace Sked.Workflows.Domain.Calendar;

/// <summary>
/// Which weekdays are worked, Saturday first as the Iranian week runs. The law has changed the
/// weekend more than once (Saturday voted and rejected, Thursday under debate), so it is data.
/// </summary>
public sealed record WeeklyPattern
{
    /// <summary>Saturday first, as the admin page and the stored text list them.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly DayKind[] _days;

    public WeeklyPattern(IReadOnlyList<DayKind> saturdayFirst)
    {
        if (saturdayFirst.Count != 7)
        {
            throw new ArgumentException("a week has seven days, Saturday first.", nameof(saturdayFirst));
        }

        _days = [.. saturdayFirst];
    }

    /// <summary>Saturday to Wednesday worked; Thursday and Friday off.</summary>
    public static WeeklyPattern Default { get; } =
        new([DayKind.Working, DayKind.Working, DayKind.Working, DayKind.Working, DayKind.Working, DayKind.Off, DayKind.Off]);

    public DayKind this[DayOfWeek day] => _days[Index(day)];

    public IReadOnlyList<DayKind> SaturdayFirst => _days;

    /// <summary>A copy with one weekday changed.</summary>
    public WeeklyPattern With(DayOfWeek day, DayKind kind)
    {
        var days = _days.ToArray();
        days[Index(day)] = kind;
        return new WeeklyPattern(days);
    }

    /// <summary>Stored as seven letters, Saturday first: W working, H half, O off (e.g. WWWWWOO).</summary>
    public string ToCode() => new([.. _days.Select(d => d switch { DayKind.Working => 'W', DayKind.Half => 'H', _ => 'O' })]);

    public static bool TryParse(string? code, out WeeklyPattern pattern)
    {
        pattern = Default;
        if (code is not { Length: 7 } || code.Any(c => c is not ('W' or 'H' or 'O')))
        {
            return false;
        }

        pattern = new WeeklyPattern([.. code.Select(c => c switch { 'W' => DayKind.Working, 'H' => DayKind.Half, _ => DayKind.Off })]);
        return true;
    }

    // Saturday is 6 in .NET's week and first in Iran's.
    private static int Index(DayOfWeek day) => ((int)day + 1) % 7;

    public bool Equals(WeeklyPattern? other) => other is not null && _days.SequenceEqual(other._days);

    public override int GetHashCode() => ToCode().GetHashCode(StringComparison.Ordinal);
}
