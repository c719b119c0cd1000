using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Health;

/// <summary>
/// PostgreSQL stopped under a running app (issue 16, defects 2 and 3): every answer meanwhile is a 503
/// with Retry-After — a Persian page for the citizen — and once the server is back the app serves
/// again and fires the timer that fell due during the outage, without a restart. Its own server,
/// since the test stops it.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task WhilePostgresIsDown_Only503s_AndAfterwards_TheTimerDueMeanwhileFires_WithoutARestart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var app = await TestApp.StartAsync(new DatabaseTarget(Store.Postgres, await postgres.CreateDatabaseAsync()));
        var citizen = app.Anonymous();
        var code = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint());
        var factory = app.Service<IDbContextFactory<SkedDbContext>>();
        Guid timerId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var timer = await db.Timers.OrderBy(t => t.DueAt).FirstAsync(t => t.Status == TimerStatus.Pending);
            timer.DueAt = TimeProvider.System.GetUtcNow().AddSeconds(3);
            timerId = timer.Id;
            await db.SaveChangesAsync();
        }

        await postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await AssertUnavailableAsync(await citizen.PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint("قطعی در زمان از کار افتادن پایگاه داده")));
        await AssertUnavailableAsync(await citizen.GetAsync($"/api/v1/cases/{code}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await citizen.GetAsync("/health")).StatusCode);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/faq");
        page.Headers.Accept.ParseAdd("text/html");
        using var pageAnswer = await citizen.SendAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageAnswer.StatusCode);
        Assert.Contains("یک دقیقهٔ دیگر", await pageAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await postgres.StartAgainAsync();
        await Eventually.GetAsync(
            async () => (await citizen.GetAsync("/health")).StatusCode == HttpStatusCode.OK ? "back" : null,
            TimeSpan.FromSeconds(30), "the app to serve again once PostgreSQL is back");
        Assert.Equal(code, (await CaseApi.TrackAsync(citizen, code))["trackingCode"]!.GetValue<string>());
        await Eventually.GetAsync(
            async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                return (await db.Timers.SingleAsync(t => t.Id == timerId)).Status == TimerStatus.Fired ? "fired" : null;
            },
            TimeSpan.FromSeconds(30), "the timer that fell due during the outage to fire without a restart");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "a 503 says when to try again");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("دوباره تلاش کنید", problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
