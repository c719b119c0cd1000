namespace Sked.Workflows.Benchmarks.Inbox;

/// <summary>
/// SQL that fills a store with <c>count</c> complaints, each with a workflow instance and one task, in a
/// few set-based statements (a million in minutes, not hours through the app). Case i: subject
/// "subject i", body "body شماره i" (each drawn from its list by i); every third task waits at the
/// e-desk, the rest at one of the departments; a seventh of those are claimed, a seventh completed;
/// due dates spread from 5 days ago to 5 days ahead. Texts must not hold a quote.
/// </summary>
internal static class BulkCases
{
    // ExecuteSqlRaw formats its text like string.Format, so a literal brace is doubled.
    private const string EmptyJson = "{{}}";

    public static string[] Sql(bool postgres, int count, IReadOnlyList<string> subjects, IReadOnlyList<string> bodies, IReadOnlyList<string> departments) =>
        postgres ? Postgres(count, subjects, bodies, departments) : Sqlite(count, subjects, bodies, departments);

    private static string[] Sqlite(int count, IReadOnlyList<string> subjects, IReadOnlyList<string> bodies, IReadOnlyList<string> departments)
    {
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        var day = TimeSpan.TicksPerDay;
        var series = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})";
        static string Pick(IReadOnlyList<string> values, string index) =>
            $"CASE ({index}) % {values.Count} " + string.Concat(values.Select((v, k) => $"WHEN {k} THEN '{v}' ")) + "END";
        var department = $"CASE WHEN i % 3 = 0 THEN NULL ELSE {Pick(departments, "i / 3")} END";
        return
        [
            "PRAGMA synchronous = OFF",
            $"""
            {series}
            INSERT INTO cases (Id, TrackingCode, Type, Subject, Body, Anonymous, Status, CreatedAt, Department, citizen_name)
            SELECT printf('%08X-0000-4000-8000-%012X', i, i), printf('9%013d', i), 'complaint', {Pick(subjects, "i")} || ' ' || i,
                   {Pick(bodies, "i + 1")} || ' شماره ' || i, 0, 'in-review', {now} - (i % 30) * {day}, {department}, 'شهروند ' || i
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
            INSERT INTO human_tasks (Id, InstanceId, CaseId, TrackingCode, CaseType, NodeId, Activation, Title, CandidateRole, Department, Assignee, Status,
                                     CreatedAt, DueAt, CompletedBy, Data, EscalationLevel, Version)
            SELECT printf('%08X-0002-4000-8000-%012X', i, i), printf('%08X-0001-4000-8000-%012X', i, i), printf('%08X-0000-4000-8000-%012X', i, i),
                   printf('9%013d', i), 'complaint', CASE WHEN i % 3 = 0 THEN 'edesk-review' ELSE 'department-answer' END, 5, 'بررسی',
                   CASE WHEN i % 3 = 0 THEN 'EDesk' ELSE 'Department' END, {department},
                   CASE WHEN i % 3 <> 0 AND i % 7 = 1 THEN 'staff.' || ({department}) END,
                   CASE WHEN i % 3 = 0 THEN 'Open' WHEN i % 7 = 1 THEN 'Claimed' WHEN i % 7 = 2 THEN 'Completed' ELSE 'Open' END,
                   {now} - 6 * {day}, {now} + ((i % 11) - 5) * {day},
                   CASE WHEN i % 3 <> 0 AND i % 7 = 2 THEN 'staff.' || ({department}) END, '{EmptyJson}', 0, 0
            FROM n
            """,
            "ANALYZE",
        ];
    }

    private static string[] Postgres(int count, IReadOnlyList<string> subjects, IReadOnlyList<string> bodies, IReadOnlyList<string> departments)
    {
        static string Pick(IReadOnlyList<string> values, string index) =>
            $"(ARRAY[{string.Join(",", values.Select(v => $"'{v}'"))}])[(({index}) % {values.Count}) + 1]";
        var department = $"CASE WHEN i % 3 = 0 THEN NULL ELSE {Pick(departments, "i / 3")} END";
        static string Id(string part) => $"('00000000-{part}-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid";
        return
        [
            $"""
            INSERT INTO cases ("Id", "TrackingCode", "Type", "Subject", "Body", "Anonymous", "Status", "CreatedAt", "Department", "citizen_name")
            SELECT {Id("0000")}, '9' || lpad(i::text, 13, '0'), 'complaint', {Pick(subjects, "i")} || ' ' || i, {Pick(bodies, "i + 1")} || ' شماره ' || i,
                   false, 'in-review', now() - (i % 30) * interval '1 day', {department}, 'شهروند ' || i
            FROM generate_series(1, {count}) AS i
            """,
            $"""
            INSERT INTO workflow_instances ("Id", "CaseId", "DefinitionId", "DefinitionVersion", "CurrentNodeId", "Activation", "Status", "Variables", "Attempts", "StartedAt", "UpdatedAt", "Version")
            SELECT {Id("0001")}, {Id("0000")}, 'complaint', 1, 'edesk-review', 5, 'Waiting', '{EmptyJson}', 0, now(), now(), 0
            FROM generate_series(1, {count}) AS i
            """,
            $"""
            INSERT INTO human_tasks ("Id", "InstanceId", "CaseId", "TrackingCode", "CaseType", "NodeId", "Activation", "Title", "CandidateRole", "Department", "Assignee", "Status",
                                     "CreatedAt", "DueAt", "CompletedBy", "Data", "EscalationLevel", "Version")
            SELECT {Id("0002")}, {Id("0001")}, {Id("0000")}, '9' || lpad(i::text, 13, '0'), 'complaint',
                   CASE WHEN i % 3 = 0 THEN 'edesk-review' ELSE 'department-answer' END, 5, 'بررسی',
                   CASE WHEN i % 3 = 0 THEN 'EDesk' ELSE 'Department' END, {department},
                   CASE WHEN i % 3 <> 0 AND i % 7 = 1 THEN 'staff.' || ({department}) END,
                   CASE WHEN i % 3 = 0 THEN 'Open' WHEN i % 7 = 1 THEN 'Claimed' WHEN i % 7 = 2 THEN 'Completed' ELSE 'Open' END,
                   now() - interval '6 days', now() + ((i % 11) - 5) * interval '1 day',
                   CASE WHEN i % 3 <> 0 AND i % 7 = 2 THEN 'staff.' || ({department}) END, '{EmptyJson}', 0, 0
            FROM generate_series(1, {count}) AS i
            """,
            // As autovacuum would have by now: the visibility map lets counts read the index alone.
            "VACUUM ANALYZE",
        ];
    }
}
