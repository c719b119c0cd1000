using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// The public tracking lookup (GET /api/v1/cases/{code}) against a Kestrel hello-world in the same
/// process, and against the floor: the lookup's statement behind a bare endpoint (<see cref="BareServer"/>),
/// what any server could reach here with the database on the same cores. First the saturation rates with
/// closed-loop clients (interleaved, per repetition), then an open-loop client at half the lookup's median
/// saturation sends hello-world requests, floor lookups and lookups at that rate, for the latency
/// percentiles a citizen sees when the server is not saturated.
/// </summary>
internal static class LookupBenchmark
{
    private const int Cases = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RatioOptions.Parse(args, new RatioOptions([Store.Sqlite, Store.Postgres], 20, [8], 3, Cases, 60));
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: lookup [--store sqlite|postgres|both] [--seconds 20] [--clients 8] [--repetitions 3] [--count 50 (cases looked up)] [--warmup 5]");
            return 2;
        }

        var databases = new TestDatabases { Durable = true };
        await databases.InitializeAsync();
        await using var hello = await HelloWorld.StartAsync();
        try
        {
            Console.WriteLine($"Tracking lookup against a Kestrel hello-world — {options.Describe()}");
            foreach (var store in options.Stores)
            {
                await using var app = await BenchmarkApp.StartAsync(await databases.CreateAsync(store));
                using var citizen = LoadClients.Client(app.BaseAddress);
                var codes = new List<string>();
                for (var i = 0; i < options.Count; i++)
                {
                    codes.Add(await BenchmarkApp.SubmitAsync(citizen, i));
                }

                await app.OutboxDrainedAsync(TimeSpan.FromSeconds(options.Timeout));
                using var helloClient = LoadClients.Client(hello.BaseAddress);
                await using var bare = await BareServer.StartAsync(app.Database);
                using var bareClient = LoadClients.Client(bare.BaseAddress);
                await MeasureAsync(store, options, n => LoadClients.GetAsync(citizen, $"/api/v1/cases/{codes[n % codes.Count]}"), n => LoadClients.GetAsync(helloClient, HelloWorld.Path),
                    n => LoadClients.GetAsync(bareClient, BareServer.LookupPath + codes[n % codes.Count]));
            }
        }
        finally
        {
            await databases.DisposeAsync();
        }

        return 0;
    }

    private static async Task MeasureAsync(Store store, RatioOptions options, Func<int, Task<bool>> lookup, Func<int, Task<bool>> hello, Func<int, Task<bool>> floor)
    {
        foreach (var clients in options.Clients)
        {
            await Warmup.RunAsync($"{store}, {clients} clients", options.Warmup, options.WarmupLimit, async duration =>
            {
                await LoadClients.ClosedLoopAsync(clients, duration / 3, hello);
                await LoadClients.ClosedLoopAsync(clients, duration / 3, floor);
                await LoadClients.ClosedLoopAsync(clients, duration / 3, lookup);
            });
            var helloSaturation = new List<LoadResult>();
            var floorSaturation = new List<LoadResult>();
            var lookupSaturation = new List<LoadResult>();
            for (var repetition = 1; repetition <= options.Repetitions; repetition++)
            {
                await Console.Error.WriteLineAsync($"{store}, {clients} clients, repetition {repetition}: saturation, hello-world, the floor, then lookup");
                helloSaturation.Add(await LoadClients.ClosedLoopAsync(clients, options.Duration, hello));
                floorSaturation.Add(await LoadClients.ClosedLoopAsync(clients, options.Duration, floor));
                lookupSaturation.Add(await LoadClients.ClosedLoopAsync(clients, options.Duration, lookup));
            }

            var rate = Spread.Of(lookupSaturation.Select(r => r.PerSecond)).Median / 2;
            var helloOpen = new List<LoadResult>();
            var floorOpen = new List<LoadResult>();
            var lookupOpen = new List<LoadResult>();
            var load = new List<double>();
            for (var repetition = 1; repetition <= options.Repetitions; repetition++)
            {
                await Console.Error.WriteLineAsync($"{store}, repetition {repetition}: open loop at {rate:0}/s, hello-world, the floor, then lookup");
                helloOpen.Add(await LoadClients.OpenLoopAsync(rate, options.Duration, hello));
                floorOpen.Add(await LoadClients.OpenLoopAsync(rate, options.Duration, floor));
                lookupOpen.Add(await LoadClients.OpenLoopAsync(rate, options.Duration, lookup));
                load.Add(Machine.LoadAverage());
            }

            Console.Write(new RatioTable($"{store.ToString().ToLowerInvariant()}: saturation with {clients} closed-loop clients, then an open loop at {rate:0} lookups/s (half the median saturation); {options.Seconds} s per stretch, {options.Repetitions} repetitions")
                .Compare("lookups / s, saturated", [.. lookupSaturation.Select(r => r.PerSecond)], "hello-world / s", [.. helloSaturation.Select(r => r.PerSecond)])
                .Compare("the floor: the lookup's statement behind a bare endpoint, lookups / s", [.. floorSaturation.Select(r => r.PerSecond)], "hello-world / s", [.. helloSaturation.Select(r => r.PerSecond)])
                .Compare("lookups / s against the floor", [.. lookupSaturation.Select(r => r.PerSecond)], "floor / s", [.. floorSaturation.Select(r => r.PerSecond)])
                .Compare("process CPU µs per request, saturated", [.. lookupSaturation.Select(r => r.CpuMicrosecondsPerRequest)], "hello-world", [.. helloSaturation.Select(r => r.CpuMicrosecondsPerRequest)], "0")
                .Compare("process CPU µs per request of the floor, saturated", [.. floorSaturation.Select(r => r.CpuMicrosecondsPerRequest)], "hello-world", [.. helloSaturation.Select(r => r.CpuMicrosecondsPerRequest)], "0")
                .Compare("lookup ms p50, saturated", [.. lookupSaturation.Select(r => r.Latency.Percentile(50))], "hello-world", [.. helloSaturation.Select(r => r.Latency.Percentile(50))], "0.00")
                .Compare("lookup ms p50 at half saturation", [.. lookupOpen.Select(r => r.Latency.Percentile(50))], "hello-world, same rate", [.. helloOpen.Select(r => r.Latency.Percentile(50))], "0.00")
                .Compare("lookup ms p99 at half saturation", [.. lookupOpen.Select(r => r.Latency.Percentile(99))], "hello-world, same rate", [.. helloOpen.Select(r => r.Latency.Percentile(99))], "0.00")
                .Add("the floor's ms p50 at the same rate", floorOpen.Select(r => r.Latency.Percentile(50)), "0.00")
                .Add("the floor's ms p99 at the same rate", floorOpen.Select(r => r.Latency.Percentile(99)), "0.00")
                .Add("the floor's ms p50 at the same rate, from sent", floorOpen.Select(r => r.FromSent!.Percentile(50)), "0.00")
                .Compare("lookup ms p50 at half saturation, from sent", [.. lookupOpen.Select(r => r.FromSent!.Percentile(50))], "hello-world, same rate", [.. helloOpen.Select(r => r.FromSent!.Percentile(50))], "0.00")
                .Compare("lookup ms p99 at half saturation, from sent", [.. lookupOpen.Select(r => r.FromSent!.Percentile(99))], "hello-world, same rate", [.. helloOpen.Select(r => r.FromSent!.Percentile(99))], "0.00")
                .Compare("lookup ms max at half saturation", [.. lookupOpen.Select(r => r.Latency.Max)], "hello-world, same rate", [.. helloOpen.Select(r => r.Latency.Max)], "0.00")
                .Add("failed requests (lookups, all stretches)", lookupSaturation.Concat(lookupOpen).GroupBy(_ => 0).Select(g => (double)g.Sum(r => r.Failed)), "0")
                .Add("failed requests to the floor (all stretches)", floorSaturation.Concat(floorOpen).GroupBy(_ => 0).Select(g => (double)g.Sum(r => r.Failed)), "0")
                .Add("process RSS at the end (MiB; app + hello-world + clients)", [Machine.ResidentMiB()], "0")
                .Add("load average (1 min) after each open-loop stretch", load, "0.00"));
        }
    }
}
