using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// The text search of a list in due-date order, with its candidates from the case index in that order
/// (<see cref="CaseListKeys"/>): common words match tens of thousands of cases on a million, and reading
/// each of them in SQL to keep 25 cost far more than the page. The index gives the matching cases of the
/// member's lists by their earliest due date; SQL reads just those cases' tasks through the same queues as
/// every list (so a task that left the list since the index saw it is not shown), a batch at a time, until
/// no case not yet read can hold a task before the page's last. The length is the index's count of the
/// matching cases, or, when every candidate was read, the tasks found.
/// </summary>
public static partial class ListTasks
{
    public sealed partial class Handler
    {
        /// <summary>The page and the list's length from the index's candidates; null when the request is one the index does not order (then <see cref="QueuedPageAsync"/>).</summary>
        private static async Task<(List<HumanTask> Page, int Counted)?> ListedPageAsync(SkedDbContext db, CaseIndex index, InboxRequest request, StaffMember staff,
            CancellationToken cancellationToken)
        {
            if (!InListOrder(request) || ListKeys(request.Scope, staff) is not { Count: > 0 } lists)
            {
                return null;
            }

            var nullsFirst = !db.Database.IsNpgsql();
            var size = Size(request);
            var skip = request.After is null ? Math.Max(0, request.Page) * size : 0;
            var want = skip + size;
            // A page more than needed: candidates SQL turns down (moved since) and ties on the due date.
            var take = want + size;
            var rows = new List<HumanTask>();
            var read = 0;
            while (true)
            {
                if (index.InListOrder(request.Search, lists, nullsFirst, read, take, CountCap + 1) is not { } listed)
                {
                    return null;
                }

                var cases = listed.Cases.Select(c => c.CaseId).ToList();
                read += cases.Count;
                rows = Sorted(rows.Concat(await TasksOfAsync(db, cases, request, staff, !nullsFirst, cancellationToken)), nullsFirst);
                if (cases.Count == 0 || read >= listed.Total)
                {
                    // Every candidate read: the tasks found are the list (past a cursor, only the rest of it).
                    return (rows.Skip(skip).Take(size).ToList(), request.After is null ? rows.Count : listed.Total);
                }

                // The cases not read yet come after the last one read, and none of their tasks comes before where it comes first.
                if (rows.Count >= want && CaseListKeys.Place.Of(rows[want - 1], nullsFirst) < listed.Cases[^1].First)
                {
                    return (rows.Skip(skip).Take(size).ToList(), listed.Total);
                }

                take *= 2;
            }
        }

        // These cases' tasks in the member's list (past the cursor, when there is one): SQL decides what the member sees.
        private static Task<List<HumanTask>> TasksOfAsync(SkedDbContext db, List<Guid> cases, InboxRequest request, StaffMember staff, bool postgres,
            CancellationToken cancellationToken)
        {
            if (cases.Count == 0)
            {
                return Task.FromResult(new List<HumanTask>());
            }

            var queues = Queues(CaseTasks.Of(db, cases), request.Scope, staff);
            if (request.After is { } cursor)
            {
                queues = queues.SelectMany(q => Beyond(q, cursor, descending: false, postgres));
            }

            return Union(queues).ToListAsync(cancellationToken);
        }

        // The list's order as the store sorts it: due date (undated first on SQLite, last on PostgreSQL), then id.
        private static List<HumanTask> Sorted(IEnumerable<HumanTask> tasks, bool nullsFirst) =>
            [.. tasks.DistinctBy(t => t.Id).OrderBy(t => CaseListKeys.Place.Of(t, nullsFirst))];
    }

    /// <summary>Whether the index orders this request: words (not a tracking-code prefix), in ascending due-date order, no other filter.</summary>
    private static bool InListOrder(InboxRequest request)
    {
        var search = PersianText.ToAsciiDigits(PersianText.Normalize(request.Search));
        return search.Length > 0 && !search.All(char.IsAsciiDigit) && IsDueOrder(request) && !request.Descending
            && request is { CaseType: null, Step: null, Department: null, OverdueOnly: false };
    }

    /// <summary>The index's keys of the queues <see cref="Queues"/> gives the member for this list; null for the done list (not in the index).</summary>
    private static List<string>? ListKeys(InboxScope scope, StaffMember staff) => scope switch
    {
        InboxScope.Mine => [CaseListKeys.Claimed(staff.UserName)],
        InboxScope.Done => null,
        InboxScope.Department when staff.IsIn(Roles.DepartmentHead) && staff.Department is { } department => [CaseListKeys.Backlog(department)],
        InboxScope.Department => [],
        _ =>
        [
            .. staff.Roles.Where(role => !Roles.IsDepartmental(role)).Select(role => CaseListKeys.Open(role, null)),
            .. staff.Department is { } department
                ? staff.Roles.Where(Roles.IsDepartmental).Select(role => CaseListKeys.Open(role, department))
                : [],
        ],
    };
}
