using System.Collections.Concurrent;
using System.Net;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// Counts the answers and keeps each distinct failing request (method, path, who, status): any 5xx
/// but a 503 with Retry-After, or no answer at all.
/// </summary>
public sealed class FuzzFailures
{
    private readonly ConcurrentDictionary<string, string> _distinct = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _failed;
    private int _sent;

    public int Failed => _failed;
    public int Sent => _sent;

    public static bool IsFailure(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null);

    public void Answered(FuzzRequest request, HttpResponseMessage response)
    {
        Interlocked.Increment(ref _sent);
        _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        if (IsFailure(response))
        {
            Add(request, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void NoAnswer(FuzzRequest request, Exception exception)
    {
        Interlocked.Increment(ref _sent);
        Add(request, "no answer (" + exception.GetType().Name + ": " + exception.Message + ")");
    }

    public string Report(FuzzSettings settings, string store) =>
        $"{_failed} of {_sent} fuzzed requests failed on {store} (seed {settings.Seed}, count {settings.Count}); answers "
        + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))
        + $"; {_distinct.Count} distinct failures:{Environment.NewLine}"
        + string.Join(Environment.NewLine, _distinct.Values.Take(60));

    private void Add(FuzzRequest request, string status)
    {
        Interlocked.Increment(ref _failed);
        // Distinct by what a developer would look at first: the status and the request line without its query values.
        var key = status + " " + request.Method + " " + request.Path.Split('?')[0] + " " + request.Client;
        _distinct.TryAdd(key, request.Describe(status));
    }
}
