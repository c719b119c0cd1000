using System.Diagnostics;
using System.Globalization;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>What the machine was doing: the load average and this process's resident memory (the app runs in it).</summary>
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

    public static double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }
}
