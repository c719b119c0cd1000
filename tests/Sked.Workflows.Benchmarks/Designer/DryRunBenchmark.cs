using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.DryRun;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Designer;

/// <summary>
/// What a process owner waits for in the designer: N complaints worked through the real app over HTTP
/// (half routed by the e-desk and answered by the department, a quarter rejected, a quarter left waiting
/// at the e-desk), then the dry run's two halves timed apart: loading the recent cases with their history
/// (<see cref="WorkflowDesign.RecentCasesAsync"/>) and replaying them on a draft that inserts a new
/// one-outcome task after the e-desk's "route" (<see cref="DryRunner.Replay"/>); and the designer's diff of
/// complaint.json against that draft (<see cref="DefinitionDiff.Compare"/>, no I/O).
/// Progress and the app's log go to stderr, so stdout holds only the Markdown report.
/// </summary>
internal static class DryRunBenchmark
{
    private const string Usage = "usage: dry-run [cases] [sqlite|postgres|both]   (defaults: 200, both)";
    private const int Rounds = 10;
    private const int DiffRounds = 1000;
    private const int Workers = 4;
    private const int PageSize = 200;
    private const string Department = "customer-service";
    private const string InsertedNode = "quality-check";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = 200;
        if (args.Length > 0 && (!int.TryParse(args[0], CultureInfo.InvariantCulture, out cases) || cases <= 0))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        Store[]? stores = (args.Length > 1 ? args[1] : "both") switch
        {
            "sqlite" => [Store.Sqlite],
            "postgres" => [Store.Postgres],
            "both" => [Store.Sqlite, Store.Postgres],
            _ => null,
        };
        if (stores is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var shipped = Shipped();
        var draft = WithInsertedTask(Shipped());
        var results = new List<StoreResult>();
        var databases = new TestDatabases();
        await databases.InitializeAsync();
        try
        {
            foreach (var store in stores)
            {
                await Console.Error.WriteLineAsync(Invariant($"{store}: seeding {cases} complaints"));
                var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Logging:Console:LogToStandardErrorThreshold"] = "Trace" };
                await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: settings);
                var seeding = Stopwatch.StartNew();
                await SeedAsync(app, cases);
                var seeded = seeding.Elapsed;
                await WaitForOutboxAsync(app);
                results.Add(Measure(store, seeded, await LoadAndReplayAsync(app, draft)));
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        var diff = TimeDiff(shipped, draft);
        Console.Write(Report(cases, results, diff));
        return 0;
    }

    /// <summary>complaint.json as shipped, read fresh (the draft is made by changing one such copy).</summary>
    private static WorkflowDefinition Shipped()
    {
        var json = File.ReadAllText(Path.Combine(WorkflowFolder.Shipped, "complaint.json"));
        return DefinitionJson.TryParse(json, "complaint.json", out var error) ?? throw new InvalidOperationException(error?.ToString());
    }

    /// <summary>The designer's "insert a step": a one-outcome e-desk task on the connection (edesk-review, route).</summary>
    private static WorkflowDefinition WithInsertedTask(WorkflowDefinition definition)
    {
        var node = new NodeDefinition
        {
            Id = InsertedNode,
            Type = "humanTask",
            Label = "کنترل کیفیت ارجاع",
            Properties = JsonNode.Parse("""
                {
                  "title": "کنترل کیفیت ارجاع",
                  "candidateRole": "EDesk",
                  "outcomes": [{"name": "checked", "label": "بررسی شد"}],
                  "form": []
                }
                """)!.AsObject(),
            Position = new NodePosition(1120, 100),
        };
        var index = definition.Connections.FindIndex(c => c.From == "edesk-review" && c.Outcome == "route");
        var to = definition.Connections[index].To;
        definition.Connections[index] = definition.Connections[index] with { To = InsertedNode };
        definition.Connections.Add(new Connection { From = InsertedNode, Outcome = "checked", To = to });
        definition.Nodes.Insert(definition.Nodes.FindIndex(n => n.Id == "edesk-review") + 1, node);
        return definition;
    }

    /// <summary>
    /// Submits the complaints as citizens, then works the e-desk queue (case i: i % 4 of 0 or 1 routed,
    /// 2 rejected, 3 left waiting) and the department's (every routed case answered).
    /// </summary>
    private static async Task SeedAsync(TestApp app, int cases)
    {
        var citizen = app.Anonymous();
        var plan = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, _) =>
            plan[await CaseApi.SubmitAsync(citizen, CaseApi.Complaint($"قطعی مکرر برق {i}"))] = i % 4);

        var edesk = await app.LoginAsync("edesk");
        await CompleteAsync(edesk, plan, kind => kind switch
        {
            0 or 1 => ("route", (object)new { department = Department }),
            2 => ("reject", (object)new { reason = "موضوع شکایت در حیطه وظایف شرکت نیست." }),
            _ => null,
        });
        var staff = await app.LoginAsync($"staff.{Department}");
        await CompleteAsync(staff, plan, kind => kind is 0 or 1 ? ("answer", new { answer = "پاسخ کارشناس: موضوع بررسی و برطرف شد." }) : null);
    }

    private static async Task CompleteAsync(HttpClient member, ConcurrentDictionary<string, int> plan, Func<int, (string Outcome, object Data)?> decide)
    {
        var work = new List<(string TaskId, string Outcome, object Data)>();
        foreach (var task in await ListAvailableAsync(member))
        {
            if (plan.TryGetValue(task.TrackingCode, out var kind) && decide(kind) is { } decision)
            {
                work.Add((task.Id, decision.Outcome, decision.Data));
            }
        }

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (item, ct) =>
        {
            using var response = await member.PostAsJsonAsync($"/api/v1/tasks/{item.TaskId}/complete", new { outcome = item.Outcome, data = item.Data }, ct);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException(Invariant($"completing {item.TaskId} with {item.Outcome} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}"));
            }
        });
    }

    private static async Task<List<TaskRow>> ListAvailableAsync(HttpClient member)
    {
        var tasks = new List<TaskRow>();
        for (var page = 1; ; page++)
        {
            var rows = await member.GetFromJsonAsync<List<TaskRow>>(Invariant($"/api/v1/tasks?scope=available&page={page}&pageSize={PageSize}"));
            tasks.AddRange(rows!);
            if (rows!.Count < PageSize)
            {
                return tasks;
            }
        }
    }

    /// <summary>Lets the SMS messages of the seeding go out first, so they do not compete with what is timed.</summary>
    private static async Task WaitForOutboxAsync(TestApp app)
    {
        var waiting = Stopwatch.StartNew();
        await app.OutboxDrainedAsync(TimeSpan.FromMinutes(3));
        await Console.Error.WriteLineAsync(Invariant($"outbox drained after {waiting.Elapsed.TotalSeconds:0} s"));
    }

    /// <summary>One warm-up round (JIT, EF's query cache), then <see cref="Rounds"/> timed rounds of load + replay.</summary>
    private static async Task<List<Round>> LoadAndReplayAsync(TestApp app, WorkflowDefinition draft)
    {
        var design = app.Service<WorkflowDesign>();
        var departments = app.Service<DepartmentDirectory>();
        var environment = new EngineEnvironment(departments.ByCode, app.Service<IOptions<EngineOptions>>().Value.ToLimits());
        // As the designer compiles a draft for its dry run: version 0, the departments as they are now.
        var errors = DefinitionValidator.Validate(draft, "complaint", 0, departments.ByCode, out var compiled);
        if (compiled is null)
        {
            throw new InvalidOperationException("the draft does not validate: " + string.Join("; ", errors));
        }

        var rounds = new List<Round>();
        for (var i = 0; i <= Rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var cases = await design.RecentCasesAsync("complaint", WorkflowDesign.MaxRecentCases, CancellationToken.None);
            var loaded = Stopwatch.GetElapsedTime(start);

            // Each replay changes its case's submission, so every round replays the copies it loaded.
            var results = new List<DryRunResult>(cases.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            start = Stopwatch.GetTimestamp();
            foreach (var (recorded, ranOn) in cases)
            {
                results.Add(DryRunner.Replay(compiled, ranOn, recorded, environment));
            }

            var replayed = Stopwatch.GetElapsedTime(start);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (i > 0)
            {
                rounds.Add(new Round(cases.Count, loaded, replayed, allocated, results));
            }
        }

        return rounds;
    }

    private static StoreResult Measure(Store store, TimeSpan seeded, List<Round> rounds)
    {
        var load = rounds.Select(r => r.Load.TotalMilliseconds).Order().ToList();
        var replay = rounds.Select(r => r.Replay.TotalMilliseconds).Order().ToList();
        var cases = rounds[0].Cases;
        var allocatedPerCase = rounds.Select(r => (double)r.Allocated / r.Cases).Order().ToList();
        var verdicts = string.Join(", ", rounds[^1].Results
            .GroupBy(r => (r.Verdict, r.SameAsRecorded))
            .OrderBy(g => g.Key.Verdict).ThenBy(g => g.Key.SameAsRecorded)
            .Select(g => Invariant($"{g.Key.Verdict}{(g.Key.SameAsRecorded ? " (same path)" : "")} {g.Count()}")));
        return new StoreResult(store, seeded, cases, Median(load), P95(load), Median(replay), P95(replay),
            cases / (Median(replay) / 1000), Median(allocatedPerCase), verdicts);
    }

    /// <summary>The diff as the designer's compare view computes it: 100 warm-up calls, then each of <see cref="DiffRounds"/> timed alone.</summary>
    private static DiffResult TimeDiff(WorkflowDefinition before, WorkflowDefinition after)
    {
        var changes = DefinitionDiff.Compare(before, after);
        for (var i = 0; i < 100; i++)
        {
            changes = DefinitionDiff.Compare(before, after);
        }

        var micros = new List<double>(DiffRounds);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < DiffRounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            changes = DefinitionDiff.Compare(before, after);
            micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)DiffRounds;
        micros.Sort();
        var found = Invariant($"{changes.Nodes.Count} node, {changes.Connections.Count} connection changes");
        return new DiffResult(Median(micros), P95(micros), allocated, found);
    }

    private static string Report(int cases, List<StoreResult> results, DiffResult diff)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Invariant($"Designer dry-run over {cases} complaints, median and p95 of {Rounds} runs ({Environment.ProcessorCount} cores, .NET {Environment.Version})"));
        text.AppendLine();
        text.AppendLine("| Store | Cases loaded | Load median / p95 ms | Replay median / p95 ms | Replay cases/s | Allocated KiB per replayed case | Seeding s |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(Invariant($"| {r.Store} | {r.Cases} | {r.LoadMedian:0.0} / {r.LoadP95:0.0} | {r.ReplayMedian:0.0} / {r.ReplayP95:0.0} | {r.CasesPerSecond:N0} | {r.AllocatedPerCase / 1024:0.0} | {r.Seeded.TotalSeconds:0} |"));
        }

        text.AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(Invariant($"{r.Store} verdicts: {r.Verdicts}"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"DefinitionDiff.Compare(complaint.json, draft), {DiffRounds} runs: median {diff.Median:0.0} µs, p95 {diff.P95:0.0} µs, {diff.Allocated / 1024:0.0} KiB allocated per call ({diff.Found})"));
        return text.ToString();
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static double P95(List<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed record TaskRow(string Id, string TrackingCode);

    private sealed record Round(int Cases, TimeSpan Load, TimeSpan Replay, long Allocated, List<DryRunResult> Results);

    private sealed record StoreResult(Store Store, TimeSpan Seeded, int Cases, double LoadMedian, double LoadP95, double ReplayMedian, double ReplayP95,
        double CasesPerSecond, double AllocatedPerCase, string Verdicts);

    private sealed record DiffResult(double Median, double P95, double Allocated, string Found);
}
