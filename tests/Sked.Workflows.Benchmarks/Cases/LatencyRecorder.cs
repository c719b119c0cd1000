using System.Diagnostics;

namespace Sked.Workflows.Benchmarks.Cases;

/// <summary>Collects the latencies of one kind of request from concurrent workers and reads percentiles from them.</summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _milliseconds.Count;
            }
        }
    }

    public double Max => Sorted() is { Length: > 0 } sorted ? sorted[^1] : 0;

    /// <summary>Runs the request and records how long it took, whatever it answered.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> request)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await request();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (_lock)
            {
                _milliseconds.Add(elapsed);
            }
        }
    }

    /// <summary>Records a latency measured elsewhere (an open-loop request, timed from when it was due to be sent).</summary>
    public void Record(double milliseconds)
    {
        lock (_lock)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    /// <summary>The nearest-rank percentile in milliseconds (0 when nothing was recorded).</summary>
    public double Percentile(double percent)
    {
        var sorted = Sorted();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private double[] Sorted()
    {
        double[] copy;
        lock (_lock)
        {
            copy = [.. _milliseconds];
        }

        Array.Sort(copy);
        return copy;
    }
}
