using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Benchmarks.Inbox;

/// <summary>
/// The first page staff see on the full store, beside a Kestrel hello-world measured in the same
/// run: the e-desk's inbox (its query, ListTasks, called as the Blazor page calls it) and the
/// task-list API (GET /api/v1/tasks?scope=available over HTTP with the e-desk's token). One client
/// after the other, for a stretch each, interleaved per repetition.
/// </summary>
internal static class FirstPageRatios
{
    public static async Task MeasureAsync(TestApp app, ListTasks.Handler query, StaffMember edesk, RatioOptions options)
    {
        await using var hello = await HelloWorld.StartAsync();
        using var helloClient = LoadClients.Client(hello.BaseAddress);
        var api = await app.LoginAsync("edesk");
        var helloRuns = new List<LoadResult>();
        var inboxRuns = new List<LoadResult>();
        var apiRuns = new List<LoadResult>();
        for (var repetition = 1; repetition <= options.Repetitions; repetition++)
        {
            await Console.Error.WriteLineAsync($"{app.Database.Store}, repetition {repetition}: first pages, hello-world, inbox, task-list API");
            helloRuns.Add(await LoadClients.ClosedLoopAsync(1, options.Duration, _ => LoadClients.GetAsync(helloClient, HelloWorld.Path)));
            inboxRuns.Add(await LoadClients.ClosedLoopAsync(1, options.Duration, async _ =>
                (await query.HandleAsync(new InboxRequest(InboxScope.Available), edesk, CancellationToken.None)).Total > 0));
            apiRuns.Add(await LoadClients.ClosedLoopAsync(1, options.Duration, _ => LoadClients.GetAsync(api, "/api/v1/tasks?scope=available")));
        }

        Console.Write(new RatioTable($"{app.Database.Store.ToString().ToLowerInvariant()}: first page of the e-desk's group queue, one client, {options.Seconds} s per stretch, {options.Repetitions} repetitions")
            .Compare("inbox first page (ListTasks) ms p50", [.. inboxRuns.Select(r => r.Latency.Percentile(50))], "hello-world ms p50", [.. helloRuns.Select(r => r.Latency.Percentile(50))], "0.00")
            .Compare("inbox first page (ListTasks) ms p99", [.. inboxRuns.Select(r => r.Latency.Percentile(99))], "hello-world ms p99", [.. helloRuns.Select(r => r.Latency.Percentile(99))], "0.00")
            .Compare("GET /api/v1/tasks first page ms p50", [.. apiRuns.Select(r => r.Latency.Percentile(50))], "hello-world ms p50", [.. helloRuns.Select(r => r.Latency.Percentile(50))], "0.00")
            .Compare("GET /api/v1/tasks first page ms p99", [.. apiRuns.Select(r => r.Latency.Percentile(99))], "hello-world ms p99", [.. helloRuns.Select(r => r.Latency.Percentile(99))], "0.00")
            .Add("inbox pages served per stretch", inboxRuns.Select(r => (double)r.Succeeded), "0")
            .Add("API pages served per stretch", apiRuns.Select(r => (double)r.Succeeded), "0")
            .Add("failed pages", inboxRuns.Zip(apiRuns, (i, a) => (double)(i.Failed + a.Failed)), "0")
            .Add("process RSS at the end (MiB)", [Machine.ResidentMiB()], "0")
            .Add("load average (1 min) at the end", [Machine.LoadAverage()], "0.00"));
    }
}
