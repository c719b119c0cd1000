using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Outbox;

/// <summary>An administrator sees the messages that keep failing and cancels one, which is then never sent, audited on its case.</summary>
public abstract class CancelOutboxScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task AFailingSms_IsListedAsFailed_AndOnceCancelledIsNeverTriedAgain()
    {
        // Nothing listens on port 9 of loopback: every send fails and is retried.
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: new Dictionary<string, string>
        {
            ["Notifications:Sms:Url"] = "http://127.0.0.1:9/sms",
            ["Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        using var admin = await app.LoginAsync("admin");

        var failed = await Eventually.GetAsync(async () =>
        {
            var page = await admin.GetFromJsonAsync<JsonObject>("/api/v1/outbox?status=failed");
            return page!["items"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => i["trackingCode"]?.GetValue<string>() == code);
        }, TimeSpan.FromSeconds(30), "the failing SMS to be listed as failed");
        Assert.False(string.IsNullOrEmpty(failed["lastError"]?.GetValue<string>()));
        var id = failed["id"]!.GetValue<string>();

        var cancelled = await Eventually.GetAsync(async () =>
            (await admin.PostAsync($"/api/v1/outbox/{id}/cancel", null)) is { StatusCode: HttpStatusCode.NoContent } done ? done : null,
            TimeSpan.FromSeconds(30), "a moment when no sender holds the message, to cancel it");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/outbox/{id}/cancel", null)).StatusCode);

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(id));
        var attempts = row.Attempts;
        await Task.Delay(TimeSpan.FromSeconds(1));
        row = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(id));
        Assert.Equal((OutboxStatus.Cancelled, attempts), (row.Status, row.Attempts));
        var audited = await db.AuditEvents.SingleAsync(e => e.Type == "outbox.cancelled");
        Assert.Equal(("admin", code), (audited.Actor, audited.TrackingCode));
        Assert.Contains((await admin.GetFromJsonAsync<JsonObject>("/api/v1/outbox?status=cancelled"))!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAsync("edesk")).PostAsync($"/api/v1/outbox/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task CancellingOrRetryingAnUnknownMessage_IsA404_AndLeavesTheStoreFreeForTheNextWrite()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        using var admin = await app.LoginAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null)).StatusCode);

        // A refused change must end its transaction: on SQLite a transaction left open holds the one
        // writer, and the citizen after it would wait 30 s for a 503.
        var submitted = await app.Anonymous().PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }
}

public sealed class CancelOutboxOnSqlite(TestDatabases databases) : CancelOutboxScenarios(databases, Store.Sqlite);

public sealed class CancelOutboxOnPostgres(TestDatabases databases) : CancelOutboxScenarios(databases, Store.Postgres);
