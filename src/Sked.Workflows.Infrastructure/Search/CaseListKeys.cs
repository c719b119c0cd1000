using Lucene.Net.Documents;
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

    /// <summary>The case's earliest active due date with undated tasks first (SQLite's order) and last (PostgreSQL's).</summary>
    public const string FirstDueNullsFirst = "due-nulls-first";

    public const string FirstDueNullsLast = "due-nulls-last";

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

        foreach (var key in active.SelectMany(Of).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Field, key, Lucene.Net.Documents.Field.Store.NO));
        }

        document.Add(new NumericDocValuesField(FirstDueNullsFirst, active.Min(t => OrderOf(t.DueAt, nullsFirst: true))));
        document.Add(new NumericDocValuesField(FirstDueNullsLast, active.Min(t => OrderOf(t.DueAt, nullsFirst: false))));
    }

    /// <summary>A due date as the index sorts it (milliseconds); none sorts before or after every date, as the store does.</summary>
    public static long OrderOf(DateTimeOffset? due, bool nullsFirst) =>
        due?.ToUnixTimeMilliseconds() ?? (nullsFirst ? long.MinValue : long.MaxValue);

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
