using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Benchmarks.Inbox;

/// <summary>
/// How fast the staff inbox pages through a large store: fills SQLite and PostgreSQL with N cases,
/// each with a workflow instance and one task (generated in SQL, so filling is quick), then times the
/// inbox's real query (ListTasks: filter, count, sort, one page) for the views staff use all day.
/// </summary>
public static class InboxPagingBenchmark
{
    private const int Rounds = 15;
    // ExecuteSqlRaw formats its text like string.Format, so a literal brace is doubled.
    private const string EmptyJson = "{{}}";
    private static readonly string[] Departments = ["customer-service", "billing", "metering", "inspection", "operations", "safety", "right-of-way", "network-development", "legal", "public-relations"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RatioOptions.Parse(args, new RatioOptions([Store.Sqlite, Store.Postgres], 10, [1], 3, 1_000_000, 60));
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: inbox [--store sqlite|postgres|both] [--count 1000000] [--seconds 10 (per first-page stretch)] [--repetitions 3]");
            return 2;
        }

        var count = options.Count;
        Console.WriteLine($"Inbox paging over {count:N0} cases, median and p95 of {Rounds} runs ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        var folder = Directory.CreateTempSubdirectory("sked-inbox-").FullName;
        try
        {
            if (options.Stores.Contains(Store.Sqlite))
            {
                await MeasureAsync(new DatabaseTarget(Store.Sqlite, $"Data Source={Path.Combine(folder, "inbox.db")}"), count, options);
            }

            if (options.Stores.Contains(Store.Postgres) && Directory.Exists("/usr/lib/postgresql"))
            {
                await using var postgres = await PostgresServer.StartAsync();
                await MeasureAsync(new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()), count, options);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(DatabaseTarget database, int count, RatioOptions options)
    {
        // The demo staff accounts (no demo cases) give the e-desk login the task-list API needs.
        await using var app = await BenchmarkApp.StartAsync(database);
        // The app's case indexer stops before the fill: it would spend the next minutes indexing the million
        // rows written behind its back, beside the figures being taken. A store that size has its index built.
        await app.Service<Sked.Workflows.Infrastructure.Search.CaseIndexer>().StopAsync(CancellationToken.None);
        var factory = app.Service<IDbContextFactory<SkedDbContext>>();
        var fill = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            foreach (var statement in BulkCases.Sql(database.Store == Store.Postgres, count, ["شماره"], ["متن پرونده"], Departments))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        Console.WriteLine($"\n{database.Provider}: filled {count:N0} cases + instances + tasks in {fill.Elapsed.TotalSeconds:0} s");
        var query = new ListTasks.Handler(factory, new Sked.Workflows.Infrastructure.Search.CaseIndex(Path.Combine(Path.GetTempPath(), "sked-unopened-index"), app.Service<Sked.Workflows.Infrastructure.Search.CurrentSynonyms>()), TimeProvider.System);
        var edesk = Member("edesk", Roles.EDesk, null);
        var staff = Member("staff.billing", Roles.Department, "billing");
        var head = new StaffMember("head.billing", new HashSet<string>([Roles.Department, Roles.DepartmentHead], StringComparer.Ordinal), "billing", null);
        Console.WriteLine("| View | Rows matching | Median ms | p95 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        await TimeAsync("e-desk, group queue, first page", query, new InboxRequest(InboxScope.Available), edesk);
        await TimeAsync("e-desk, group queue, page 1,000", query, new InboxRequest(InboxScope.Available, Page: 999), edesk);
        await TimeAsync("department member, group queue", query, new InboxRequest(InboxScope.Available), staff);
        await TimeAsync("department member, overdue only", query, new InboxRequest(InboxScope.Available) { OverdueOnly = true }, staff);
        await TimeAsync("department member, my tasks", query, new InboxRequest(InboxScope.Mine), staff);
        await TimeAsync("head, department backlog", query, new InboxRequest(InboxScope.Department), head);
        await TimeAsync("e-desk, tracking-code search", query, new InboxRequest(InboxScope.Available) { Search = "9000000012" }, edesk);
        await TimeAsync("e-desk, text search", query, new InboxRequest(InboxScope.Available) { Search = "شماره 77777" }, edesk);
        await AuditSearchAsync(factory, database.Store, count);
        await FirstPageRatios.MeasureAsync(app, query, edesk, options);
    }

    /// <summary>The auditors' event search over one event per case (plus what the app wrote), one page of 50.</summary>
    private static async Task AuditSearchAsync(IDbContextFactory<SkedDbContext> factory, Store store, int count)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync(store == Store.Postgres ? PostgresAuditFill(count) : SqliteAuditFill(count));
            await db.Database.ExecuteSqlRawAsync(store == Store.Postgres ? "VACUUM ANALYZE audit_events" : "ANALYZE");
        }

        var today = JalaliDate.Format(TimeProvider.System.GetUtcNow(), withTime: false);
        Console.WriteLine("| Audit search (one page of 50) | Events matching | Median ms | p95 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        await TimeSearchAsync("by actor", factory, new AuditEventSearch.Criteria("staff.billing", null, null, null, null, null, null, 1, 50));
        await TimeSearchAsync("by type and today (Jalali)", factory, new AuditEventSearch.Criteria(null, "task.opened", null, null, null, today, today, 1, 50));
        await TimeSearchAsync("by the case's department", factory, new AuditEventSearch.Criteria(null, null, "billing", null, null, null, null, 1, 50));
    }

    private static async Task TimeSearchAsync(string view, IDbContextFactory<SkedDbContext> factory, AuditEventSearch.Criteria criteria)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var db = await factory.CreateDbContextAsync();
            var filtered = AuditEventSearch.Filter(db, criteria);
            var page = await AuditEventSearch.PageAsync(filtered.Events!, criteria.Page, criteria.PageSize, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            total = page.Total;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {view} | {total:N0} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} |"));
    }

    // Written straight into the table: the search reads events, it does not verify their chain.
    private static string SqliteAuditFill(int count)
    {
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        return $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO audit_events (Seq, At, Type, Actor, CaseId, TrackingCode, Data, Hash)
            SELECT 1000000000 + i, {now} - (i % 30) * {TimeSpan.TicksPerDay}, CASE WHEN i % 2 = 0 THEN 'task.opened' ELSE 'task.completed' END,
                   CASE (i / 3) % 10 {string.Concat(Departments.Select((d, k) => $"WHEN {k} THEN 'staff.{d}' "))}END,
                   printf('%08X-0000-4000-8000-%012X', i, i), printf('9%013d', i), '{EmptyJson}', zeroblob(32)
            FROM n
            """;
    }

    private static string PostgresAuditFill(int count)
    {
        var departments = "ARRAY[" + string.Join(",", Departments.Select(d => $"'staff.{d}'")) + "]";
        return $"""
            INSERT INTO audit_events ("Seq", "At", "Type", "Actor", "CaseId", "TrackingCode", "Data", "Hash")
            SELECT 1000000000 + i, now() - (i % 30) * interval '1 day', CASE WHEN i % 2 = 0 THEN 'task.opened' ELSE 'task.completed' END,
                   ({departments})[((i / 3) % 10) + 1], ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                   '9' || lpad(i::text, 13, '0'), '{EmptyJson}', decode(repeat('00', 32), 'hex')
            FROM generate_series(1, {count}) AS i
            """;
    }

    private static StaffMember Member(string name, string role, string? department) =>
        new(name, new HashSet<string>([role], StringComparer.Ordinal), department, null);

    private static async Task TimeAsync(string view, ListTasks.Handler query, InboxRequest request, StaffMember member)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await query.HandleAsync(request, member, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            total = page.Total;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {view} | {total:N0} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} |"));
    }
}
