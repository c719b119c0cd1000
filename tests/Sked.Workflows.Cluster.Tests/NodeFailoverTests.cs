using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Tests.Notifications;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>
/// Two nodes as processes of their own on one PostgreSQL behind the proxy; node A dies by SIGKILL under load.
/// Citizens keep submitting and tracking through the proxy, staff keep their login and work, nothing accepted
/// is lost, no outbox message or timer is handled twice, and the singleton work moves to node B; a citizen whose
/// browser is on node A keeps tracking without one failed request, and no submission is sent to both nodes.
/// </summary>
public sealed class NodeFailoverTests(TestDatabases databases)
{
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(10);

    /// <summary>How long after the kill requests through the proxy may still fail: the proxy's health check finds the dead node.</summary>
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task KillingNodeA_UnderLoad_LosesNothing_DoublesNothing_AndStaffKeepWorkingOnNodeB()
    {
        var folder = databases.NewFolder();
        await using var op = await KavenegarStandIn.StartNewAsync();
        var database = await databases.CreateAsync(Store.Postgres);
        var settings = Settings(database, op, ShortReminderWorkflows());
        await using var a = await NodeProcess.StartAsync("node-a", WithIndex(settings, folder, "a"), folder);
        // Node A alone takes the singleton work, so that its death has something to move.
        await HolderAsync(database, "node-a", TimeSpan.FromSeconds(20));
        await using var b = await NodeProcess.StartAsync("node-b", WithIndex(settings, folder, "b"), folder);
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);

        // Two staff members signed in with the cookie: the proxy's round robin puts one on each node.
        using var first = await CookieLoginAsync(proxy.Address, "staff.billing");
        using var second = await CookieLoginAsync(proxy.Address, "colleague.billing");
        using var load = new Load(proxy.Address);
        var running = load.RunAsync();
        await Task.Delay(LoadBeforeKill);

        var killedAt = load.Clock.Elapsed;
        a.KillHard();
        var backToWork = await Task.WhenAll(BackToWorkAsync(first, load.Clock), BackToWorkAsync(second, load.Clock));
        await Task.Delay(LoadAfterKill);
        load.Stop();
        await running;

        var recovered = backToWork.Max() - killedAt;
        // Left for people to read (artifacts/cluster/failover.txt): the figures of this run.
        await File.WriteAllTextAsync(Path.Combine(RepositoryFolder.Artifacts("cluster"), "failover.txt"), $"staff working again {recovered.TotalMilliseconds:0} ms after the kill; {load.Accepted.Count} cases accepted, "
            + $"{load.Completed} routed, {load.Failures.Count} requests failed: {string.Join("; ", load.Failures.Select(f => $"{(f.At - killedAt).TotalMilliseconds:0} ms {f.What}"))}\n");
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"staff were working again only {recovered} after the kill");
        Assert.True(load.Accepted.Count > 10, $"only {load.Accepted.Count} cases were accepted");
        Assert.Empty(load.Failures.Where(f => f.At > killedAt + Transition).Select(f => f.What));
        Assert.True(load.Completed > 0, "the e-desk completed no task");

        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        var stored = await StringsAsync(db, """SELECT "TrackingCode" FROM cases""");
        Assert.Empty(load.Accepted.Except(stored));

        await Eventually.GetAsync(async () => await CountAsync(db, """SELECT count(*) FROM outbox WHERE "Status" = 'Pending'""") == 0 ? "drained" : null,
            TimeSpan.FromSeconds(60), "node B to deliver what node A left in the outbox");
        var sent = (await StringsAsync(db, """SELECT "Data" FROM audit_events WHERE "Type" = 'notification.sent'""")).Select(d => Read(d, "message")).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.True(sent.Count >= load.Accepted.Count, $"{sent.Count} notifications sent for {load.Accepted.Count} cases");

        // Every case's review reminds after 2 s; the reminders node A had leased fire on node B once the lease runs out.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var reminded = (await StringsAsync(db, """SELECT "Data" FROM audit_events WHERE "Type" = 'escalation.reminded'""")).Select(d => Read(d, "task") + "/" + Read(d, "step")).ToList();
        Assert.NotEmpty(reminded);
        Assert.Equal(reminded.Count, reminded.Distinct().Count());

        await HolderAsync(database, "node-b", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task KillingTheNodeACitizenIsOn_LeavesTheTrackingPageAnswering_AndSendsNoSubmissionTwice()
    {
        var folder = databases.NewFolder();
        await using var op = await KavenegarStandIn.StartNewAsync();
        var database = await databases.CreateAsync(Store.Postgres);
        var settings = Settings(database, op, WorkflowFolder.CopyTo(databases.NewFolder()));
        await using var a = await NodeProcess.StartAsync("node-a", WithIndex(settings, folder, "a"), folder);
        await using var b = await NodeProcess.StartAsync("node-b", WithIndex(settings, folder, "b"), folder);
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        using var tracker = await ProxyBrowser.OnNodeAsync(proxy, "node-a");
        using var submitter = await ProxyBrowser.OnNodeAsync(proxy, "node-a");
        var code = await CaseApi.SubmitAsync(submitter.Client, CaseApi.Complaint());
        // Once each before the clock starts: node A's first page is slow to render, and would be cut off by the kill.
        await CaseApi.TrackAsync(tracker.Client, code);
        (await tracker.Client.GetAsync($"/track?code={code}")).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var tracking = TrackUntilAsync(tracker.Client, code, clock, stop.Token);
        var submitting = SubmitUntilAsync(submitter.Client, clock, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = clock.Elapsed;
        a.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        var tracked = await tracking;
        var submitted = await submitting;

        var failed = tracked.Where(t => t.Answer != "200").ToList();
        await File.WriteAllTextAsync(Path.Combine(RepositoryFolder.Artifacts("cluster"), "tracking-through-kill.txt"), $"{tracked.Count} tracking GETs through the proxy "
            + $"({tracked.Count(t => t.At > killedAt)} after the kill of their node), {failed.Count} failed; {submitted.Count} submissions, "
            + $"{submitted.Count(s => s.Answer == "502")} answered 502: {string.Join("; ", failed.Concat(submitted.Where(s => s.Answer != "201")).Select(f => $"{(f.At - killedAt).TotalMilliseconds:0} ms {f.What} {f.Answer}"))}\n");
        Assert.Empty(failed.Select(f => $"{(f.At - killedAt).TotalMilliseconds:0} ms after the kill: {f.What} answered {f.Answer}"));
        Assert.True(tracked.Count(t => t.At > killedAt) >= 5, "the citizen hardly tracked after the kill");
        Assert.Equal("node-b", tracker.Node);

        // A submission that met node A as it died answers 502 and is not sent to node B: node A may have
        // committed it. So each is stored at most once, and every one that was accepted is stored.
        Assert.All(submitted, s => Assert.True(s.Answer is "201" or "502", $"{s.What} answered {s.Answer}"));
        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        Assert.Empty(await StringsAsync(db, """SELECT "Subject" FROM cases GROUP BY "Subject" HAVING count(*) > 1"""));
        var stored = await StringsAsync(db, """SELECT "Subject" FROM cases""");
        Assert.Empty(submitted.Where(s => s.Answer == "201").Select(s => s.What).Except(stored));
    }

    /// <summary>A citizen tracking a case over and over, by the page and by the API, until stopped; each answer's status.</summary>
    private static async Task<List<(TimeSpan At, string What, string Answer)>> TrackUntilAsync(HttpClient citizen, string code, Stopwatch clock, CancellationToken stop)
    {
        var answers = new List<(TimeSpan, string, string)>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var path = n % 2 == 0 ? $"/track?code={code}" : $"/api/v1/cases/{code}";
            var at = clock.Elapsed;
            answers.Add((at, "GET " + path, await StatusAsync(() => citizen.GetAsync(path))));
            await Task.Delay(10, CancellationToken.None);
        }

        return answers;
    }

    /// <summary>A citizen submitting complaints one after another until stopped, each with a subject of its own; each answer's status.</summary>
    private static async Task<List<(TimeSpan At, string What, string Answer)>> SubmitUntilAsync(HttpClient citizen, Stopwatch clock, CancellationToken stop)
    {
        var answers = new List<(TimeSpan, string, string)>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var subject = $"قطعی برق شماره {n}";
            var at = clock.Elapsed;
            answers.Add((at, subject, await StatusAsync(() => citizen.PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint(subject)))));
        }

        return answers;
    }

    private static async Task<string> StatusAsync(Func<Task<HttpResponseMessage>> request)
    {
        try
        {
            using var response = await request();
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private static Dictionary<string, string> Settings(DatabaseTarget database, SmsOperatorStandIn op, string workflows)
    {
        var settings = new Dictionary<string, string>(op.Settings(), StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Sked"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "0",
            ["Engine:WorkflowsPath"] = workflows,
            ["RateLimits:TrackingPerMinute"] = "1000000",
            ["RateLimits:SubmissionsPerMinute"] = "1000000",
            ["Proxy:TrustedProxies:0"] = "127.0.0.1",
            ["Cluster:LeaseSeconds"] = "3",
            ["Sms:StatusPollSeconds"] = "1",
            ["Timers:Lease"] = "00:00:03",
            ["Outbox:Lease"] = "00:00:06",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return settings;
    }

    private static Dictionary<string, string> WithIndex(Dictionary<string, string> settings, string folder, string node) =>
        new(settings, StringComparer.Ordinal) { ["Search:CaseIndexPath"] = Path.Combine(folder, "index-" + node) };

    /// <summary>The shipped workflows, with the e-desk review reminding after 2 s: a timer for every case.</summary>
    private string ShortReminderWorkflows()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "complaint", d =>
        {
            var properties = WorkflowFolder.Node(d, "edesk-review")["properties"]!.AsObject();
            properties["sla"] = "PT1H";
            properties["escalation"] = new JsonArray(new JsonObject { ["after"] = "PT2S", ["action"] = "remind" });
        });
        return folder;
    }

    /// <summary>Signs in with the staff cookie through the proxy (which adds its affinity cookie beside it).</summary>
    private static async Task<HttpClient> CookieLoginAsync(Uri proxy, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(10) };
        var response = await client.PostAsJsonAsync("/login?useCookies=true", new { email = userName, password = TestApp.Password });
        response.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks?scope=available")).StatusCode);
        return client;
    }

    /// <summary>Asks for the staff member's list until it answers again (with the same cookie); when it did.</summary>
    private static async Task<TimeSpan> BackToWorkAsync(HttpClient staff, Stopwatch clock)
    {
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (clock.Elapsed < deadline)
        {
            try
            {
                if ((await staff.GetAsync("/api/v1/tasks?scope=available")).StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The dead node's connection; the next try goes through the proxy again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("a staff member was not working again within 30 s of the kill");
    }

    /// <summary>Waits until the SMS delivery-report lease is held by <paramref name="node"/>.</summary>
    private static Task<string> HolderAsync(DatabaseTarget database, string node, TimeSpan timeout) =>
        Eventually.GetAsync(async () =>
        {
            await using var db = new NpgsqlConnection(database.ConnectionString);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Holder" FROM mailbox_cursors WHERE "Mailbox" = @name AND "HeldUntil" > now()""", db);
            command.Parameters.AddWithValue("name", SmsStatusPoller.LeaseName);
            return await command.ExecuteScalarAsync() is string holder && holder.StartsWith(node + "/", StringComparison.Ordinal) ? holder : null;
        }, timeout, $"{node} to hold the SMS delivery-report lease");

    private static string Read(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().First(p => p.Name.Equals(property, StringComparison.OrdinalIgnoreCase)).Value.ToString();
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<long> CountAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Citizens submitting and tracking, and the e-desk routing cases, all through the proxy, until stopped.</summary>
    private sealed class Load(Uri proxy) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private int _completed;

        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public ConcurrentBag<string> Accepted { get; } = [];
        public ConcurrentQueue<(TimeSpan At, string What)> Failures { get; } = new();
        public int Completed => _completed;

        public void Stop() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();

        public async Task RunAsync()
        {
            using var citizen = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(10) };
            using var edesk = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(10) };
            var login = await edesk.PostAsJsonAsync("/login", new { email = "edesk", password = TestApp.Password });
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            edesk.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            await Task.WhenAll([.. Enumerable.Range(0, 3).Select(i => SubmitLoopAsync(citizen, i)), TrackLoopAsync(citizen), RouteLoopAsync(edesk)]);
        }

        private async Task SubmitLoopAsync(HttpClient citizen, int loop)
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                await TryAsync($"submit {loop}/{n}", async () => Accepted.Add(await CaseApi.SubmitAsync(citizen, CaseApi.Complaint($"قطعی برق {loop}-{n}"))));
            }
        }

        private async Task TrackLoopAsync(HttpClient citizen)
        {
            while (!_stop.IsCancellationRequested)
            {
                if (Accepted.FirstOrDefault() is { } code)
                {
                    await TryAsync($"track {code}", () => CaseApi.TrackAsync(citizen, code));
                }

                await Task.Delay(100);
            }
        }

        /// <summary>The e-desk routes the oldest waiting case to billing, over and over.</summary>
        private async Task RouteLoopAsync(HttpClient edesk)
        {
            while (!_stop.IsCancellationRequested)
            {
                await TryAsync("route", async () =>
                {
                    var task = (await CaseApi.TasksAsync(edesk, "available")).FirstOrDefault();
                    if (task is null)
                    {
                        return;
                    }

                    var id = task["id"]!.GetValue<string>();
                    var claimed = await CaseApi.ClaimAsync(edesk, id);
                    if (claimed.IsSuccessStatusCode && (await CaseApi.CompleteAsync(edesk, id, "route", new { department = "billing" })).IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref _completed);
                    }
                    else if ((int)claimed.StatusCode >= 500)
                    {
                        throw new HttpRequestException($"claim answered {(int)claimed.StatusCode}");
                    }
                });
                await Task.Delay(50);
            }
        }

        private async Task TryAsync(string what, Func<Task> request)
        {
            try
            {
                await request();
            }
            // A response cut mid-body by the killed node surfaces as an IOException while it is read: a
            // failed request like the others, held to the same transition window.
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
            {
                Failures.Enqueue((Clock.Elapsed, $"{what}: {ex.Message}"));
                await Task.Delay(50);
            }
        }
    }
}
