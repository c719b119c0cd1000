using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Sked.Workflows.Engine.Tasks;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// Which task lists a case is in now, and where it comes first in their due-date order, so a text search can
/// ask the index for its candidates in a list's own order and count them there instead of reading every match
/// in SQL. The keys follow the lists' queues (ListTasks): an open task is in its role's queue (and its role's
/// in its department) and its department's backlog; a claimed one in its holder's list and its department's
/// backlog. The index may lag a commit by a moment: SQL still decides which of the candidates' tasks a member sees.
/// </summary>
public static class CaseListKeys
{
    public const string Field = "list";

    /// <summary>
    /// Where a case comes first in the lists' order, with undated tasks first (SQLite's order) and last (PostgreSQL's):
    /// the earliest of its active tasks by due date (<see cref="OrderOf"/>), then that task's id, as the lists order ties.
    /// </summary>
    public const string FirstDueNullsFirst = "due-nulls-first";

    public const string FirstTaskNullsFirst = "task-nulls-first";

    public const string FirstDueNullsLast = "due-nulls-last";

    public const string FirstTaskNullsLast = "task-nulls-last";

    /// <summary>
    /// Each list key of a case with the day it comes first (<see cref="DayOf"/>), one field per order of undated tasks, so a search can
    /// take just the cases of a list up to a day (<see cref="CaseListOrder"/>) instead of every case of the list.
    /// </summary>
    public const string DayNullsFirst = "list-day-nulls-first";

    public const string DayNullsLast = "list-day-nulls-last";

    // Between a key and its day: no key holds it, so the days of one key sort together and apart from any other key's.
    private const char DaySeparator = '\u0001';

    /// <summary>A task's place in the lists' order: its due date as the index sorts it, then its id as text (which SQL's order of ids follows).</summary>
    public readonly record struct Place(long Due, string Task) : IComparable<Place>
    {
        public static Place Of(HumanTask task, bool nullsFirst) => new(OrderOf(task.DueAt, nullsFirst), task.Id.ToString());

        public int CompareTo(Place other) => Due != other.Due ? Due.CompareTo(other.Due) : string.CompareOrdinal(Task, other.Task);

        public static bool operator <(Place left, Place right) => left.CompareTo(right) < 0;

        public static bool operator >(Place left, Place right) => left.CompareTo(right) > 0;

        public static bool operator <=(Place left, Place right) => left.CompareTo(right) <= 0;

        public static bool operator >=(Place left, Place right) => left.CompareTo(right) >= 0;
    }

    public static string Open(string role, string? department) => department is null ? "open:" + role : $"open:{role}@{department}";

    public static string Claimed(string userName) => "claimed:" + userName;

    public static string Backlog(string department) => "backlog:" + department;

    /// <summary>Adds the keys and the two sort values of a case's active tasks; a case with none is in no list.</summary>
    public static void AddTo(Document document, IReadOnlyCollection<HumanTask> tasks)
    {
        var active = tasks.Where(t => t.IsActive).ToList();
        if (active.Count == 0)
        {
            return;
        }

        var keys = active.SelectMany(Of).Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            document.Add(new StringField(Field, key, Lucene.Net.Documents.Field.Store.NO));
        }

        foreach (var nullsFirst in new[] { true, false })
        {
            var first = active.Select(t => Place.Of(t, nullsFirst)).Min();
            document.Add(new NumericDocValuesField(nullsFirst ? FirstDueNullsFirst : FirstDueNullsLast, first.Due));
            document.Add(new SortedDocValuesField(nullsFirst ? FirstTaskNullsFirst : FirstTaskNullsLast, new BytesRef(first.Task)));
            foreach (var key in keys)
            {
                document.Add(new StringField(nullsFirst ? DayNullsFirst : DayNullsLast, Day(key, first.Due), Lucene.Net.Documents.Field.Store.NO));
            }
        }
    }

    /// <summary>A list key with a day of its order, as <see cref="DayNullsFirst"/> and <see cref="DayNullsLast"/> hold it; the key's days sort as the days do.</summary>
    public static string Day(string key, long due) => key + DaySeparator + DayOf(due);

    /// <summary>The day of a place's due date (<see cref="OrderOf"/>) as text that sorts as the dates do: undated before every day when undated comes first, after every day when last.</summary>
    public static string DayOf(long due) => due switch
    {
        long.MinValue => "!",
        long.MaxValue => "~",
        _ => (due / TimeSpan.TicksPerDay).ToString("D7", CultureInfo.InvariantCulture),
    };

    /// <summary>The first and last term <see cref="Day"/> can give a key up to and including <paramref name="day"/>.</summary>
    public static (string From, string To) DaysUpTo(string key, string day) => (key + DaySeparator, key + DaySeparator + day);

    /// <summary>A due date as the index sorts it (UTC ticks, as precise as the store); none sorts before or after every date, as the store does.</summary>
    public static long OrderOf(DateTimeOffset? due, bool nullsFirst) =>
        due?.UtcTicks ?? (nullsFirst ? long.MinValue : long.MaxValue);

    private static IEnumerable<string> Of(HumanTask task)
    {
        if (task.Status == HumanTaskStatus.Open)
        {
            yield return Open(task.CandidateRole, null);
            if (task.Department is not null)
            {
                yield return Open(task.CandidateRole, task.Department);
            }
        }
        else if (task.Assignee is { } holder)
        {
            yield return Claimed(holder);
        }

        if (task.Department is { } department)
        {
            yield return Backlog(department);
        }
    }
}
