using System.Diagnostics;
using System.Globalization;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>What the machine was doing: the load average, its CPU time, and this process's resident memory (the app runs in it).</summary>
internal static class Machine
{
    /// <summary>The one-minute load average from /proc/loadavg (NaN where there is none).</summary>
    public static double LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? double.Parse(File.ReadAllText(file).Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
    }

    /// <summary>The memory the garbage collector has committed for the managed heap, part of <see cref="ResidentMiB"/>.</summary>
    public static double HeapMiB() => GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0;

    /// <summary>
    /// CPU time spent by every process on the machine since boot (the app, its load clients, the
    /// database's processes, the kernel), from /proc/stat; zero where there is none. Two readings
    /// around a stretch give what the whole write cost, where the process's own time leaves out the database.
    /// </summary>
    public static TimeSpan BusyCpu()
    {
        const string file = "/proc/stat";
        if (!File.Exists(file))
        {
            return TimeSpan.Zero;
        }

        // cpu  user nice system idle iowait irq softirq steal …, in clock ticks (USER_HZ, 100 per second on Linux).
        var ticks = File.ReadLines(file).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var busy = ticks.Sum() - ticks[3] - ticks[4];
        return TimeSpan.FromMilliseconds(busy * 10);
    }

    /// <summary>The share of the machine's cores that a stretch of <paramref name="elapsed"/> kept busy, from two <see cref="BusyCpu"/> readings.</summary>
    public static double BusyShare(TimeSpan busy, TimeSpan elapsed) => busy / (elapsed * Environment.ProcessorCount);

    public static double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }
}
