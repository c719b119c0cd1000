using System.Diagnostics;
using Sked.Workflows.Benchmarks.Cases;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>What a load run measured: requests answered as expected, the others, and every latency.</summary>
/// <param name="FromSent">Open loop only: each latency counted from when its request actually left, leaving out the client's own lateness.</param>
internal sealed record LoadResult(int Succeeded, int Failed, TimeSpan Elapsed, LatencyRecorder Latency, TimeSpan Cpu = default, LatencyRecorder? FromSent = null,
    TimeSpan MachineCpu = default)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>
    /// The whole process's CPU time per answered request (server, client and all): unlike the rate, it
    /// hardly moves when other work shares the machine.
    /// </summary>
    public double CpuMicrosecondsPerRequest => Cpu.TotalMicroseconds / Math.Max(1, Succeeded + Failed);

    /// <summary>The whole machine's CPU time per answered request: the database's processes too.</summary>
    public double MachineCpuMicrosecondsPerRequest => MachineCpu.TotalMicroseconds / Math.Max(1, Succeeded + Failed);
}

/// <summary>
/// The two ways of loading a server. Closed loop: each client sends its next request when the last
/// one is answered, which finds the saturation rate. Open loop: requests leave at a fixed rate
/// whatever the answers do, and each latency counts from when its request was due, so a stall shows
/// in the percentiles instead of slowing the client down (no coordinated omission). Requests leave on
/// the runtime's timer, late by up to a millisecond or two; the open loop therefore also records each
/// latency from when its request actually left, which is what the server and network add.
/// </summary>
internal static class LoadClients
{
    /// <summary>An HTTP client that opens as many connections as there are requests in flight.</summary>
    public static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A GET whose whole answer is read, as a browser would; true on a success status.</summary>
    public static async Task<bool> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    /// <param name="request">Sends request number n; true when it was answered as expected.</param>
    public static async Task<LoadResult> ClosedLoopAsync(int clients, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latency = new LatencyRecorder();
        int sent = 0, succeeded = 0, failed = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = Machine.BusyCpu();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await Task.Yield(); // every client starts now, even if a request completes synchronously
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                var ok = await latency.TimeAsync(() => request(Interlocked.Increment(ref sent)));
                Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            }
        }));
        return new LoadResult(succeeded, failed, Stopwatch.GetElapsedTime(start), latency, Process.GetCurrentProcess().TotalProcessorTime - cpu,
            MachineCpu: Machine.BusyCpu() - machine);
    }

    public static async Task<LoadResult> OpenLoopAsync(double perSecond, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latency = new LatencyRecorder();
        var fromSent = new LatencyRecorder();
        var inFlight = new List<Task>();
        int succeeded = 0, failed = 0;
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; ; n++)
        {
            var due = TimeSpan.FromSeconds(n / perSecond);
            if (due >= duration)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var number = n;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = false;
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    ok = await request(number);
                }
                finally
                {
                    latency.Record((Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds);
                    fromSent.Record(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    Interlocked.Increment(ref ok ? ref succeeded : ref failed);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(succeeded, failed, Stopwatch.GetElapsedTime(start), latency, FromSent: fromSent);
    }
}
