using System.Collections.Concurrent;
using System.Net;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// What the clients saw over a whole fault, across restarts: the tracking codes of every accepted (2xx)
/// submission, the answers by kind, and every 5xx that was not a 503 with Retry-After.
/// </summary>
public sealed class ChaosTally
{
    private int _answered;
    private int _unavailable;
    private int _refused;
    private int _completed;

    public ConcurrentQueue<string> Accepted { get; } = new();
    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>An accepted case its citizen could not find (404) afterwards.</summary>
    public ConcurrentQueue<string> NotFound { get; } = new();

    /// <summary>How long each accepted submission took, in milliseconds.</summary>
    public ConcurrentQueue<double> SubmitMilliseconds { get; } = new();

    public int Answered => _answered;
    public int Unavailable => _unavailable;
    public int Refused => _refused;
    public int Completed => _completed;

    /// <summary>Sorts one answer; false unless it was a success.</summary>
    public bool Answer(string what, HttpResponseMessage response)
    {
        Interlocked.Increment(ref _answered);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
        {
            Interlocked.Increment(ref _unavailable);
        }
        else if (status >= 500)
        {
            Unexpected.Enqueue($"{what} {status}");
        }

        return response.IsSuccessStatusCode;
    }

    /// <summary>No answer at all: the process was killed, or not listening yet.</summary>
    public void NoAnswer() => Interlocked.Increment(ref _refused);

    public void TaskCompleted() => Interlocked.Increment(ref _completed);

    /// <summary>A percentile (0.5, 0.95) of the accepted submissions' time, in milliseconds.</summary>
    public double SubmitPercentile(double fraction)
    {
        var sorted = SubmitMilliseconds.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[(int)Math.Clamp(Math.Ceiling(sorted.Length * fraction) - 1, 0, sorted.Length - 1)];
    }
}
