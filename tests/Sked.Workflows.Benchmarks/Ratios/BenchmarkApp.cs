using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>How the ratio benchmarks start the app: as the tests do, with the rate limits out of the way and its log on stderr.</summary>
internal static class BenchmarkApp
{
    public static Task<TestApp> StartAsync(DatabaseTarget database, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            // The load comes from one address; the public limits would answer 429 to most of it.
            ["RateLimits:TrackingPerMinute"] = "1000000000",
            ["RateLimits:SubmissionsPerMinute"] = "1000000000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            settings[key] = value;
        }

        return TestApp.StartAsync(database, settings: settings);
    }

    /// <summary>The complaint every ratio benchmark submits, numbered.</summary>
    public static object Complaint(int number) => CaseApi.Complaint($"قطعی مکرر برق {number}");

    /// <summary>Submits one complaint over HTTP and returns its tracking code.</summary>
    public static Task<string> SubmitAsync(HttpClient citizen, int number) => CaseApi.SubmitAsync(citizen, Complaint(number));
}
