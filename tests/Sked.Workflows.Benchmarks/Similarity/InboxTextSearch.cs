using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Benchmarks.Similarity;

/// <summary>
/// The inbox's text search on many cases: fills cases, instances and one task each in SQL (subjects and bodies
/// drawn from the labelled set's questions, each numbered), starts the app on them with an empty index folder
/// so the index is rebuilt in the background (timed), then times ListTasks with words for the e-desk.
/// </summary>
internal static class InboxTextSearch
{
    private const int Rounds = 25;
    private const string EmptyJson = "{{}}";

    public static async Task MeasureAsync(DatabaseTarget database, string folder, int count)
    {
        var subjects = LabelledQuestions.Load().Entries.Select(e => e.Question.Replace("'", "''", StringComparison.Ordinal)).ToArray();
        await using (var creator = await BenchmarkApp.StartAsync(database, Folder(folder, "first")))
        {
            var fill = Stopwatch.StartNew();
            await using var db = await creator.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
            foreach (var statement in database.Store == Store.Postgres ? PostgresFill(count, subjects) : SqliteFill(count, subjects))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            Console.WriteLine($"\n{database.Provider}: filled {count:N0} cases + instances + tasks in {fill.Elapsed.TotalSeconds:0} s");
        }

        var build = Stopwatch.StartNew();
        await using var app = await BenchmarkApp.StartAsync(database, Folder(folder, "rebuilt"));
        var index = app.Service<CaseIndex>();
        while (!index.IsReady)
        {
            await Task.Delay(500);
        }

        Console.WriteLine($"the case index of {count:N0} cases was rebuilt in the background in {build.Elapsed.TotalSeconds:0} s (the app answered from the start)");
        var query = app.Service<ListTasks.Handler>();
        var edesk = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, null);
        Console.WriteLine("| Inbox text search, e-desk, first page | Tasks matching | p50 ms | p95 ms | of which the index p50 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var words in new[] { "کنتور خراب", "قبض المثني", "ترانس دود", "انشعاب موقت ساختمون", "شماره 77777" })
        {
            await TimeAsync(words, query, edesk, index);
        }
    }

    private static Dictionary<string, string> Folder(string folder, string name) =>
        new(StringComparer.Ordinal) { ["Search:CaseIndexPath"] = Path.Combine(folder, name), ["Search:BatchSize"] = "5000" };

    private static async Task TimeAsync(string words, ListTasks.Handler query, StaffMember member, CaseIndex index)
    {
        var times = new List<double>();
        var lookups = new List<double>();
        var total = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var lookup = Stopwatch.StartNew();
            index.Find(words, CaseAccessKeys.Of(member), ListTasks.SearchLimit);
            lookups.Add(lookup.Elapsed.TotalMilliseconds);
            var clock = Stopwatch.StartNew();
            var page = await query.HandleAsync(new InboxRequest(InboxScope.Available) { Search = words }, member, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            total = page.Total;
        }

        times.Sort();
        lookups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {words} | {total:N0}{(total >= ListTasks.CountCap ? "+" : string.Empty)} | {SimilarityBenchmark.Percentile(times, 0.5):0.0} | {SimilarityBenchmark.Percentile(times, 0.95):0.0} | {SimilarityBenchmark.Percentile(lookups, 0.5):0.0} |"));
    }

    // Case i: subject i % n of the labelled questions and the next one as body, numbered; every third task at the e-desk.
    private static string[] SqliteFill(int count, string[] subjects)
    {
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        var day = TimeSpan.TicksPerDay;
        var series = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})";
        string Pick(int shift) => $"CASE (i + {shift}) % {subjects.Length} " + string.Concat(subjects.Select((s, k) => $"WHEN {k} THEN '{s}' ")) + "END";
        return
        [
            "PRAGMA synchronous = OFF",
            $"""
            {series}
            INSERT INTO cases (Id, TrackingCode, Type, Subject, Body, Anonymous, Status, CreatedAt, citizen_name)
            SELECT printf('%08X-0000-4000-8000-%012X', i, i), printf('9%013d', i), 'complaint', {Pick(0)} || ' ' || i, {Pick(1)} || ' شماره ' || i,
                   0, 'in-review', {now} - (i % 30) * {day}, 'شهروند ' || i
            FROM n
            """,
            $"""
            {series}
            INSERT INTO workflow_instances (Id, CaseId, DefinitionId, DefinitionVersion, CurrentNodeId, Activation, Status, Variables, Attempts, StartedAt, UpdatedAt, Version)
            SELECT printf('%08X-0001-4000-8000-%012X', i, i), printf('%08X-0000-4000-8000-%012X', i, i), 'complaint', 1, 'edesk-review', 5, 'Waiting', '{EmptyJson}', 0, {now}, {now}, 0
            FROM n
            """,
            $"""
            {series}
            INSERT INTO human_tasks (Id, InstanceId, CaseId, TrackingCode, CaseType, NodeId, Activation, Title, CandidateRole, Department, Status,
                                     CreatedAt, DueAt, Data, EscalationLevel, Version)
            SELECT printf('%08X-0002-4000-8000-%012X', i, i), printf('%08X-0001-4000-8000-%012X', i, i), printf('%08X-0000-4000-8000-%012X', i, i),
                   printf('9%013d', i), 'complaint', CASE WHEN i % 3 = 0 THEN 'edesk-review' ELSE 'department-answer' END, 5, 'بررسی',
                   CASE WHEN i % 3 = 0 THEN 'EDesk' ELSE 'Department' END, CASE WHEN i % 3 = 0 THEN NULL ELSE 'billing' END, 'Open',
                   {now} - 6 * {day}, {now} + ((i % 11) - 5) * {day}, '{EmptyJson}', 0, 0
            FROM n
            """,
            "ANALYZE",
        ];
    }

    private static string[] PostgresFill(int count, string[] subjects)
    {
        string Id(string part) => $"('00000000-{part}-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid";
        var array = "ARRAY[" + string.Join(",", subjects.Select(s => $"'{s}'")) + "]";
        return
        [
            $"""
            INSERT INTO cases ("Id", "TrackingCode", "Type", "Subject", "Body", "Anonymous", "Status", "CreatedAt", "citizen_name")
            SELECT {Id("0000")}, '9' || lpad(i::text, 13, '0'), 'complaint', ({array})[(i % {subjects.Length}) + 1] || ' ' || i,
                   ({array})[((i + 1) % {subjects.Length}) + 1] || ' شماره ' || i, false, 'in-review', now() - (i % 30) * interval '1 day', 'شهروند ' || i
            FROM generate_series(1, {count}) AS i
            """,
            $"""
            INSERT INTO workflow_instances ("Id", "CaseId", "DefinitionId", "DefinitionVersion", "CurrentNodeId", "Activation", "Status", "Variables", "Attempts", "StartedAt", "UpdatedAt", "Version")
            SELECT {Id("0001")}, {Id("0000")}, 'complaint', 1, 'edesk-review', 5, 'Waiting', '{EmptyJson}', 0, now(), now(), 0
            FROM generate_series(1, {count}) AS i
            """,
            $"""
            INSERT INTO human_tasks ("Id", "InstanceId", "CaseId", "TrackingCode", "CaseType", "NodeId", "Activation", "Title", "CandidateRole", "Department", "Status",
                                     "CreatedAt", "DueAt", "Data", "EscalationLevel", "Version")
            SELECT {Id("0002")}, {Id("0001")}, {Id("0000")}, '9' || lpad(i::text, 13, '0'), 'complaint',
                   CASE WHEN i % 3 = 0 THEN 'edesk-review' ELSE 'department-answer' END, 5, 'بررسی',
                   CASE WHEN i % 3 = 0 THEN 'EDesk' ELSE 'Department' END, CASE WHEN i % 3 = 0 THEN NULL ELSE 'billing' END, 'Open',
                   now() - interval '6 days', now() + ((i % 11) - 5) * interval '1 day', '{EmptyJson}', 0, 0
            FROM generate_series(1, {count}) AS i
            """,
            "VACUUM ANALYZE",
        ];
    }
}
