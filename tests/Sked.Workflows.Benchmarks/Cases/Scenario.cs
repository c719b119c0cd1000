using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Cases;

/// <summary>What one store's run measured.</summary>
internal sealed record ScenarioResult(
    Store Store,
    int Cases,
    int Answered,
    TimeSpan EndToEnd,
    TimeSpan SubmitWall,
    TimeSpan CompleteWall,
    TimeSpan LookupWall,
    LatencyRecorder Submit,
    LatencyRecorder Complete,
    LatencyRecorder Lookup,
    LatencyRecorder Listing,
    OutboxDrain Outbox,
    IReadOnlyList<string> Failures,
    long WorkingSet,
    long PeakWorkingSet);

/// <summary>
/// The background work the run left behind: outbox messages (timer triggers for Quartz, SMS) are
/// delivered after their transaction commits, so they compete with the requests for the store and CPU.
/// </summary>
internal sealed record OutboxDrain(int Written, int PendingAtLastAnswer, TimeSpan? DrainedAfterLastAnswer, int FailedAttempts);

/// <summary>
/// One store's run against a started app: citizens submit complaints, the e-desk routes each one to
/// a department, the department answers it, and citizens look the answer up with the tracking code.
/// Each phase runs with the same number of concurrent clients.
/// </summary>
internal sealed class Scenario(TestApp app, int cases, int concurrency)
{
    private const string Department = "customer-service";
    private const int PageSize = 200;
    private const string Answer = "پاسخ کارشناس: موضوع بررسی و برطرف شد.";

    private readonly LatencyRecorder _submit = new();
    private readonly LatencyRecorder _complete = new();
    private readonly LatencyRecorder _lookup = new();
    private readonly LatencyRecorder _listing = new();
    private readonly ConcurrentQueue<string> _failures = new();

    private ParallelOptions Workers => new() { MaxDegreeOfParallelism = concurrency };

    public async Task<ScenarioResult> RunAsync()
    {
        var citizen = app.Anonymous();
        var edesk = await app.LoginAsync("edesk");
        var staff = await app.LoginAsync($"staff.{Department}");

        var start = Stopwatch.GetTimestamp();
        var codes = await SubmitAllAsync(citizen);
        var submitted = Stopwatch.GetTimestamp();
        await CompleteQueueAsync(edesk, "route", new { department = Department }, codes);
        await CompleteQueueAsync(staff, "answer", new { answer = Answer }, codes);
        var completed = Stopwatch.GetTimestamp();
        var pendingAtLastAnswer = await CountOutboxAsync(m => m.Status == OutboxStatus.Pending);
        var answered = await LookupAllAsync(citizen, codes);
        var looked = Stopwatch.GetTimestamp();
        var drained = await WaitForOutboxAsync(completed);
        var outbox = new OutboxDrain(await CountOutboxAsync(_ => true), pendingAtLastAnswer, drained, await CountOutboxAsync(m => m.Attempts > 0));

        using var process = Process.GetCurrentProcess();
        return new ScenarioResult(app.Database.Store, cases, answered,
            Stopwatch.GetElapsedTime(start, completed), Stopwatch.GetElapsedTime(start, submitted),
            Stopwatch.GetElapsedTime(submitted, completed), Stopwatch.GetElapsedTime(completed, looked),
            _submit, _complete, _lookup, _listing, outbox, [.. _failures], Environment.WorkingSet, process.PeakWorkingSet64);
    }

    private async Task<HashSet<string>> SubmitAllAsync(HttpClient citizen)
    {
        var codes = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(1, cases), Workers, async (i, ct) =>
        {
            var complaint = CaseApi.Complaint($"قطعی مکرر برق {i}");
            using var response = await _submit.TimeAsync(() => citizen.PostAsJsonAsync("/api/v1/cases", complaint, ct));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await FailAsync($"submit {i}", response, ct);
                return;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            codes.Add(body!["trackingCode"]!.GetValue<string>());
        });
        return [.. codes];
    }

    /// <summary>
    /// Completes every open task of this run in the member's queue. The queue is listed once per
    /// batch (all pages, then every task of them completed); a second listing picks up anything
    /// that arrived meanwhile, and a task is tried once only.
    /// </summary>
    private async Task CompleteQueueAsync(HttpClient member, string outcome, object data, HashSet<string> codes)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await ListAvailableAsync(member)).Where(t => codes.Contains(t.TrackingCode) && tried.Add(t.Id)).ToList();
            if (batch.Count == 0)
            {
                return;
            }

            await Parallel.ForEachAsync(batch, Workers, async (task, ct) =>
            {
                using var response = await _complete.TimeAsync(() =>
                    member.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/complete", new { outcome, data }, ct));
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    await FailAsync($"complete {outcome} {task.TrackingCode}", response, ct);
                }
            });
        }
    }

    private async Task<List<TaskRow>> ListAvailableAsync(HttpClient member)
    {
        var tasks = new List<TaskRow>();
        for (var page = 1; ; page++)
        {
            var rows = await _listing.TimeAsync(() =>
                member.GetFromJsonAsync<List<TaskRow>>($"/api/v1/tasks?scope=available&page={page}&pageSize={PageSize}"));
            tasks.AddRange(rows!);
            if (rows!.Count < PageSize)
            {
                return tasks;
            }
        }
    }

    private async Task<int> LookupAllAsync(HttpClient citizen, HashSet<string> codes)
    {
        var answered = 0;
        await Parallel.ForEachAsync(codes, Workers, async (code, ct) =>
        {
            using var response = await _lookup.TimeAsync(() => citizen.GetAsync($"/api/v1/cases/{code}", ct));
            if (!response.IsSuccessStatusCode)
            {
                await FailAsync($"track {code}", response, ct);
                return;
            }

            var tracked = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var status = tracked!["status"]?.GetValue<string>();
            if (status != "answered" || tracked["answer"] is null)
            {
                _failures.Enqueue($"track {code}: status {status}, answer {(tracked["answer"] is null ? "missing" : "present")}");
                return;
            }

            Interlocked.Increment(ref answered);
        });
        return answered;
    }

    /// <summary>How long after the last answer the outbox had nothing pending (null: not within two minutes).</summary>
    private async Task<TimeSpan?> WaitForOutboxAsync(long lastAnswer)
    {
        while (await CountOutboxAsync(m => m.Status == OutboxStatus.Pending) > 0)
        {
            if (Stopwatch.GetElapsedTime(lastAnswer) > TimeSpan.FromMinutes(2))
            {
                return null;
            }

            await Task.Delay(100);
        }

        return Stopwatch.GetElapsedTime(lastAnswer);
    }

    private async Task<int> CountOutboxAsync(Expression<Func<OutboxMessage, bool>> filter)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Outbox.CountAsync(filter);
    }

    private async Task FailAsync(string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        _failures.Enqueue($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
    }

    private sealed record TaskRow(string Id, string TrackingCode);
}
