using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Timers;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Health;

/// <summary>
/// What an operator watches (issue 16): liveness and readiness from the framework's health checks, a
/// timer stuck behind a stopped poller turning readiness red until it fires, and the Prometheus metrics.
/// </summary>
public abstract class OperatorSignalsScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task LiveAndReady_Answer_WithEveryCheckNamed()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();
        Assert.Equal("ok", (await client.GetFromJsonAsync<JsonObject>("/health/live"))!["status"]!.GetValue<string>());
        var ready = await client.GetFromJsonAsync<JsonObject>("/health/ready");
        Assert.Equal("ok", ready!["status"]!.GetValue<string>());
        Assert.Equal(["backlog", "database", "engine"], ready["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AStuckTimer_TurnsReadinessRed_UntilItFires()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var poller = app.Service<DueTimerPoller>();
        await poller.StopAsync(CancellationToken.None);
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            // The case's first timer fell due ten minutes ago and nothing fired it.
            var timer = await db.Timers.OrderBy(t => t.DueAt).FirstAsync(t => t.Status == TimerStatus.Pending);
            timer.DueAt = TimeProvider.System.GetUtcNow().AddMinutes(-10);
            await db.SaveChangesAsync();
        }

        using var red = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, red.StatusCode);
        var report = (await red.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("unhealthy", report["checks"]!["backlog"]!["status"]!.GetValue<string>());
        Assert.Contains("due timers", report["checks"]!["backlog"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        await poller.StartAsync(CancellationToken.None);
        await Eventually.GetAsync(
            async () => (await app.Anonymous().GetAsync("/health")).StatusCode == HttpStatusCode.OK ? "green" : null,
            TimeSpan.FromSeconds(20), "readiness to turn green once the poller fired the timer");
    }

    [Fact]
    public async Task Metrics_CountCasesAndRequests_ForALocalScraper()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var text = await Eventually.GetAsync(
            async () => await app.Anonymous().GetStringAsync("/metrics") is var page && page.Contains("sked_cases_started_total", StringComparison.Ordinal) ? page : null,
            TimeSpan.FromSeconds(10), "the metrics to count the submitted case");
        Assert.Contains("type=\"complaint\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("sked_outbox_pending", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreNotShown_ToAnAddressOutsideTheAllowedNetworks()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8",
        });
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/metrics")).StatusCode);
    }
}

public sealed class OperatorSignalsOnSqlite(TestDatabases databases) : OperatorSignalsScenarios(databases, Store.Sqlite);

public sealed class OperatorSignalsOnPostgres(TestDatabases databases) : OperatorSignalsScenarios(databases, Store.Postgres);
