using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Cluster.Tests;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Cluster;

/// <summary>
/// One node against two behind the proxy, in one run on one PostgreSQL (durable commits): intake (citizens
/// submitting complaints) and task completion (e-desk staff claiming and routing cases, each their own),
/// closed loop, through (1) one node directly, (2) one node behind the proxy, (3) two nodes behind the proxy,
/// each configuration on a fresh database. Then the failover: staff signed in on both nodes, node A killed with
/// SIGKILL, the time until every one of them is answered again. The nodes are processes of their own (as in
/// production); the proxy and the load share this process. docs/performance.md, "Two nodes behind the proxy".
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var clients = Option(args, "--clients", 16);
        var repetitions = Option(args, "--repetitions", 2);
        var databases = new TestDatabases { Durable = true };
        await databases.InitializeAsync();
        try
        {
            Console.WriteLine($"Two nodes behind the proxy — {seconds} s per stretch, {clients} clients, {repetitions} repetitions; "
                + $"{Environment.ProcessorCount} cores, load average {Machine.LoadAverage():0.00} at start, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine("\n| configuration | intake cases/s | intake p50 / p99 ms | completions/s | completion p50 / p99 ms |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var shape in new[] { Shape.OneNodeDirect, Shape.OneNodeProxied, Shape.TwoNodesProxied })
            {
                for (var repetition = 1; repetition <= repetitions; repetition++)
                {
                    await Console.Error.WriteLineAsync($"{shape}, repetition {repetition}");
                    Console.WriteLine(await MeasureAsync(databases, shape, clients, TimeSpan.FromSeconds(seconds)));
                }
            }

            Console.WriteLine($"\nFailover: {await FailoverAsync(databases)}");
        }
        finally
        {
            await databases.DisposeAsync();
        }

        return 0;
    }

    private enum Shape
    {
        OneNodeDirect,
        OneNodeProxied,
        TwoNodesProxied,
    }

    private static async Task<string> MeasureAsync(TestDatabases databases, Shape shape, int clients, TimeSpan duration)
    {
        var folder = databases.NewFolder();
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await NodeProcess.StartAsync("node-a", Settings(database, folder, "a"), folder);
        await using var b = shape == Shape.TwoNodesProxied ? await NodeProcess.StartAsync("node-b", Settings(database, folder, "b"), folder) : null;
        await using var proxy = shape == Shape.OneNodeDirect ? null : await ProxyHost.StartAsync(b is null ? [a.Address] : [a.Address, b.Address]);
        var entry = proxy?.Address ?? a.Address;

        using var citizen = LoadClients.Client(entry);
        var intake = await LoadClients.ClosedLoopAsync(clients, duration, async n =>
        {
            using var response = await citizen.PostAsJsonAsync("/api/v1/cases", BenchmarkApp.Complaint(n));
            return response.StatusCode == HttpStatusCode.Created;
        });

        // Every e-desk worker routes tasks of its own (no claim races): the waiting tasks, dealt out.
        using var edesk = LoadClients.Client(entry);
        edesk.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(edesk, "edesk"));
        var waiting = new Queue<string>(await WaitingTasksAsync(edesk));
        var started = Stopwatch.StartNew();
        var lastDone = TimeSpan.Zero;
        var routed = new Sked.Workflows.Benchmarks.Cases.LatencyRecorder();
        var completion = await LoadClients.ClosedLoopAsync(clients, duration, async _ =>
        {
            string? id;
            lock (waiting)
            {
                waiting.TryDequeue(out id);
            }

            if (id is null)
            {
                await Task.Delay(10);
                return false;
            }

            // Timed apart from the loop's own recorder, which also counts the empty turns once all are routed.
            var ok = await routed.TimeAsync(async () =>
            {
                using var claimed = await CaseApi.ClaimAsync(edesk, id);
                using var done = await CaseApi.CompleteAsync(edesk, id, "route", new { department = "billing" });
                return claimed.IsSuccessStatusCode && done.IsSuccessStatusCode;
            });
            lastDone = started.Elapsed;
            return ok;
        });
        // The intake's cases may all be routed before the stretch ends: the rate counts until the last one.
        var completions = (completion.Succeeded / Math.Max(0.001, (waiting.Count == 0 ? lastDone : completion.Elapsed).TotalSeconds)).ToString("0.0", CultureInfo.InvariantCulture);
        var exhausted = waiting.Count == 0 ? $" (all {completion.Succeeded} in {lastDone.TotalSeconds:0.0} s)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Describe(shape)} | {intake.PerSecond:0.0}{Failed(intake)} | {intake.Latency.Percentile(50):0} / {intake.Latency.Percentile(99):0} | "
            + $"{completions}{exhausted} | {routed.Percentile(50):0} / {routed.Percentile(99):0} |");
    }

    /// <summary>Staff signed in with the cookie on both nodes; node A killed; the time until all of them are answered again.</summary>
    private static async Task<string> FailoverAsync(TestDatabases databases)
    {
        var folder = databases.NewFolder();
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await NodeProcess.StartAsync("node-a", Settings(database, folder, "a"), folder);
        await using var b = await NodeProcess.StartAsync("node-b", Settings(database, folder, "b"), folder);
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        var staff = new List<HttpClient>();
        foreach (var login in new[] { "staff.billing", "colleague.billing", "head.billing", "edesk" })
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(10) };
            (await client.PostAsJsonAsync("/login?useCookies=true", new { email = login, password = TestApp.Password })).EnsureSuccessStatusCode();
            staff.Add(client);
        }

        var clock = Stopwatch.StartNew();
        a.KillHard();
        var back = await Task.WhenAll(staff.Select(client => AnsweredAgainAsync(client, clock)));
        staff.ForEach(c => c.Dispose());
        return string.Create(CultureInfo.InvariantCulture,
            $"{staff.Count} staff signed in through the proxy (round robin: half on each node); node A killed; all of them answered again after {back.Max().TotalMilliseconds:0} ms "
            + $"(each: {string.Join(", ", back.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))} ms), with their login");
    }

    private static async Task<TimeSpan> AnsweredAgainAsync(HttpClient staff, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await staff.GetAsync("/api/v1/tasks?scope=mine");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The dead node; ask again.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("a staff member was not answered within 60 s of the kill");
    }

    private static async Task<List<string>> WaitingTasksAsync(HttpClient edesk)
    {
        var ids = new List<string>();
        for (var page = 0; ; page++)
        {
            var rows = await edesk.GetFromJsonAsync<JsonArray>($"/api/v1/tasks?scope=available&pageSize=200&page={page}");
            if (rows is null || rows.Count == 0 || ids.Count >= 20000)
            {
                return ids;
            }

            ids.AddRange(rows.Select(r => r!["id"]!.GetValue<string>()));
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/login", new { email = userName, password = TestApp.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static Dictionary<string, string> Settings(DatabaseTarget database, string folder, string node) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Database:Provider"] = database.Provider,
        ["ConnectionStrings:Sked"] = database.ConnectionString,
        ["Demo:Enabled"] = "true",
        ["Demo:Cases"] = "0",
        ["RateLimits:TrackingPerMinute"] = "1000000000",
        ["RateLimits:SubmissionsPerMinute"] = "1000000000",
        ["Proxy:TrustedProxies:0"] = "127.0.0.1",
        ["Search:CaseIndexPath"] = Path.Combine(folder, "index-" + node),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static string Describe(Shape shape) => shape switch
    {
        Shape.OneNodeDirect => "one node, direct",
        Shape.OneNodeProxied => "one node behind the proxy",
        _ => "two nodes behind the proxy",
    };

    private static string Failed(LoadResult result) => result.Failed > 0 ? $" ({result.Failed} failed)" : "";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
