using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// A few citizens submitting complaints and looking up their tracking codes through the public API, and
/// the e-desk claiming and routing the waiting cases, against one app until stopped. Every answer goes
/// into the <see cref="ChaosTally"/>; a request without an answer (a killed process) is only counted.
/// </summary>
public sealed class ChaosLoad : IAsyncDisposable
{
    private const int Citizens = 3;

    private readonly Uri _address;
    private readonly ChaosTally _tally;
    private readonly TimeSpan _pace;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _accepted;
    private int _completed;

    private ChaosLoad(Uri address, ChaosTally tally, TimeSpan pace)
    {
        _address = address;
        _tally = tally;
        _pace = pace;
        _running = Task.Run(RunAsync);
    }

    /// <param name="pace">How long each citizen waits between two submissions (none: as fast as answered).</param>
    public static ChaosLoad Start(Uri address, ChaosTally tally, TimeSpan pace = default) => new(address, tally, pace);

    /// <summary>Waits until this load has had <paramref name="count"/> submissions accepted and the e-desk has completed a task.</summary>
    public Task UnderWayAsync(int count, TimeSpan timeout) =>
        Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref _accepted) >= count && Volatile.Read(ref _completed) > 0 ? "under way" : null),
            timeout, $"{count} submissions accepted and a task completed");

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _running;
    }

    /// <summary>Stops the load if a failed test left it running.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var citizen = Client();
        using var edesk = Client();
        await Task.WhenAll([.. Enumerable.Range(0, Citizens).Select(_ => SubmitLoopAsync(citizen)), TrackLoopAsync(citizen), RouteLoopAsync(edesk)]);
    }

    private HttpClient Client() => new() { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };

    private async Task SubmitLoopAsync(HttpClient citizen)
    {
        while (!_stop.IsCancellationRequested)
        {
            // A subject of its own per submission, so a case stored twice shows as two cases with one subject.
            var subject = "قطعی برق " + Guid.NewGuid().ToString("N")[..12];
            var clock = Stopwatch.StartNew();
            await TryAsync(async () =>
            {
                using var response = await citizen.PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint(subject), _stop.Token);
                if (_tally.Answer("POST /api/v1/cases", response))
                {
                    var code = (await response.Content.ReadFromJsonAsync<JsonObject>(_stop.Token))!["trackingCode"]!.GetValue<string>();
                    _tally.Accepted.Enqueue(code);
                    Interlocked.Increment(ref _accepted);
                    _tally.SubmitMilliseconds.Enqueue(clock.Elapsed.TotalMilliseconds);
                }
            });
            await PauseAsync(_pace);
        }
    }

    /// <summary>Looks up the latest accepted codes, one after another: an accepted case must always be found.</summary>
    private async Task TrackLoopAsync(HttpClient citizen)
    {
        while (!_stop.IsCancellationRequested)
        {
            var code = _tally.Accepted.LastOrDefault();
            if (code is not null)
            {
                await TryAsync(async () =>
                {
                    using var response = await citizen.GetAsync($"/api/v1/cases/{code}", _stop.Token);
                    if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                    {
                        _tally.NotFound.Enqueue(code);
                    }

                    _tally.Answer("GET /api/v1/cases/{code}", response);
                });
            }

            await PauseAsync(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The e-desk claims the first waiting case and routes it to billing, over and over (signing in again when needed).</summary>
    private async Task RouteLoopAsync(HttpClient edesk)
    {
        while (!_stop.IsCancellationRequested)
        {
            await TryAsync(async () =>
            {
                if (edesk.DefaultRequestHeaders.Authorization is null && !await SignInAsync(edesk))
                {
                    return;
                }

                using var list = await edesk.GetAsync("/api/v1/tasks?scope=available&pageSize=20&caseType=complaint", _stop.Token);
                if (!_tally.Answer("GET /api/v1/tasks", list))
                {
                    return;
                }

                var task = (await list.Content.ReadFromJsonAsync<JsonArray>(_stop.Token))!.FirstOrDefault();
                if (task is null)
                {
                    return;
                }

                var id = task["id"]!.GetValue<string>();
                using var claim = await edesk.PostAsync($"/api/v1/tasks/{id}/claim", null, _stop.Token);
                if (!_tally.Answer("POST /api/v1/tasks/{id}/claim", claim))
                {
                    return;
                }

                using var complete = await edesk.PostAsJsonAsync($"/api/v1/tasks/{id}/complete", new { outcome = "route", data = new { department = "billing" } }, _stop.Token);
                if (_tally.Answer("POST /api/v1/tasks/{id}/complete", complete))
                {
                    _tally.TaskCompleted();
                    Interlocked.Increment(ref _completed);
                }
            });
            await PauseAsync(TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task<bool> SignInAsync(HttpClient edesk)
    {
        using var login = await edesk.PostAsJsonAsync("/login", new { email = "edesk", password = TestApp.Password }, _stop.Token);
        if (!_tally.Answer("POST /login", login))
        {
            return false;
        }

        var token = (await login.Content.ReadFromJsonAsync<JsonObject>(_stop.Token))!["accessToken"]!.GetValue<string>();
        edesk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return true;
    }

    private async Task TryAsync(Func<Task> request)
    {
        try
        {
            await request();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped mid-request: neither an answer nor a fault.
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _tally.NoAnswer();
            await PauseAsync(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task PauseAsync(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(pause, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
