using System.Diagnostics;
using System.Runtime;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// Unmeasured load until the runtime has stopped compiling. The app touches tens of thousands of
/// methods (EF Core, Lucene, ASP.NET Core); the runtime compiles each hot one again, optimised, on one
/// background thread, which on two shared cores takes a minute or more and would be counted against
/// the app (a third of the process's CPU in a profile of the first minute). A server that has run
/// for a while has finished that, so the figures are taken after it: load in stretches until fewer
/// than <see cref="QuietMethodsPerSecond"/> methods a second are compiled, or the time runs out.
/// </summary>
internal static class Warmup
{
    private const double QuietMethodsPerSecond = 20;
    private static readonly TimeSpan Stretch = TimeSpan.FromSeconds(2);

    /// <summary>At least <paramref name="least"/> of load, then stretches until quiet or <paramref name="most"/> has passed.</summary>
    public static async Task RunAsync(string what, TimeSpan least, TimeSpan most, Func<TimeSpan, Task> load)
    {
        var start = Stopwatch.GetTimestamp();
        await load(least);
        while (Stopwatch.GetElapsedTime(start) < most)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var stretchStart = Stopwatch.GetTimestamp();
            await load(Stretch);
            var perSecond = (JitInfo.GetCompiledMethodCount() - compiled) / Stopwatch.GetElapsedTime(stretchStart).TotalSeconds;
            if (perSecond < QuietMethodsPerSecond)
            {
                await Console.Error.WriteLineAsync($"{what}: warm after {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s ({perSecond:0} methods compiled/s)");
                return;
            }
        }

        await Console.Error.WriteLineAsync($"{what}: still compiling after {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s; measuring anyway");
    }

    /// <summary>Waits, without load, until the runtime compiles fewer than <see cref="QuietMethodsPerSecond"/> methods a second (the methods queued for optimising are done), at most <paramref name="most"/>.</summary>
    public static async Task QuietAsync(string what, TimeSpan most)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < most)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await Task.Delay(Stretch);
            var perSecond = (JitInfo.GetCompiledMethodCount() - compiled) / Stretch.TotalSeconds;
            if (perSecond < QuietMethodsPerSecond)
            {
                await Console.Error.WriteLineAsync($"{what}: quiet after {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s ({perSecond:0} methods compiled/s)");
                return;
            }
        }

        await Console.Error.WriteLineAsync($"{what}: still compiling after {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s; measuring anyway");
    }
}
