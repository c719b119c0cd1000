using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Tests.Notifications;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Outbox;

/// <summary>
/// The outbox by the batch, against the stand-in SMS operator: two nodes on one database deliver each
/// message once, a lease left by a dead node is taken over, and a message that keeps failing is parked
/// as dead, listed for the administrator and delivered after a retry.
/// </summary>
public abstract class OutboxScenarios(TestDatabases databases, Store store)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodesOnOneDatabase_DeliverEachMessageExactlyOnce()
    {
        await using var sms = await FakeSmsOperator.StartAsync();
        var database = await databases.CreateAsync(store);
        // Small batches, so the two nodes' leases interleave many times.
        var settings = Settings(sms, ("Outbox:BatchSize", "7"));
        await using var first = await TestApp.StartAsync(database, settings: settings);
        await using var second = await TestApp.StartAsync(database, settings: settings);
        var texts = Enumerable.Range(0, 300).Select(i => $"outbox test message {i:D3}").ToList();

        await AddAsync(first, texts.Select(t => Sms(first, t)).ToArray());
        first.Service<OutboxNudge>().Notify();
        second.Service<OutboxNudge>().Notify();

        await Eventually.GetAsync(() => Task.FromResult(sms.Delivered.Count >= texts.Count ? "all" : null), TimeSpan.FromSeconds(90), "every message to reach the operator");
        await first.OutboxDrainedAsync();
        var perText = sms.Delivered.GroupBy(d => d.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(texts, t => Assert.Equal(1, perText.GetValueOrDefault(t)));
        Assert.Equal(texts.Count, sms.Delivered.Count);
        await using var db = await first.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal(texts.Count, await db.Outbox.CountAsync(m => m.Kind == OutboxKinds.Sms && m.Status == OutboxStatus.Done && m.LockedBy == null, Cancel));
        Assert.Equal(texts.Count, await db.AuditEvents.CountAsync(e => e.Type == "notification.sent", Cancel));
        var chain = await second.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task AMessageCommittedWhileNoNodeRan_IsDeliveredAtStartUp_NotAfterAPollInterval()
    {
        await using var sms = await FakeSmsOperator.StartAsync();
        var database = await databases.CreateAsync(store);
        await (await TestApp.StartAsync(database)).DisposeAsync();
        await using (var db = AuditChecks.OpenDatabase(database))
        {
            var now = TimeProvider.System.GetUtcNow();
            db.Outbox.Add(new OutboxMessage
            {
                Kind = OutboxKinds.Sms,
                Payload = JsonSerializer.Serialize(new NotificationMessage("09120000000", "waiting since before the start", "NO-CASE"), JsonSerializerOptions.Web),
                CreatedAt = now,
                AvailableAt = now,
            });
            await db.SaveChangesAsync(Cancel);
        }

        // An hour between polls and nothing committed to nudge it: only the look at start-up can find the message.
        await using var app = await TestApp.StartAsync(database, settings: Settings(sms, ("Outbox:PollInterval", "01:00:00")));

        await Eventually.GetAsync(() => Task.FromResult(sms.Delivered.Any(d => d.Text == "waiting since before the start") ? "sent" : null),
            TimeSpan.FromSeconds(30), "the message to be delivered right after the start");
    }

    [Fact]
    public async Task ALeaseThatRanOut_IsTakenOver_ALiveOneIsNot()
    {
        await using var sms = await FakeSmsOperator.StartAsync();
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: Settings(sms));
        var now = app.Service<TimeProvider>().GetUtcNow();
        var orphan = Sms(app, "left behind by a node that died");
        orphan.LockedBy = "node-that-died/1";
        orphan.LockedUntil = now + TimeSpan.FromSeconds(1);
        var held = Sms(app, "leased by a node that is still working on it");
        held.LockedBy = "node-still-alive/1";
        held.LockedUntil = now + TimeSpan.FromHours(1);

        await AddAsync(app, orphan, held);
        app.Service<OutboxNudge>().Notify();

        var row = await Eventually.GetAsync(async () =>
        {
            await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == orphan.Id, Cancel) is { Status: OutboxStatus.Done } done ? done : null;
        }, TimeSpan.FromSeconds(30), "the orphaned message to be taken over and delivered");
        Assert.Null(row.LockedBy);
        Assert.Single(sms.Delivered, d => d.Text == orphan.PayloadText());
        Assert.DoesNotContain(sms.Delivered, d => d.Text == held.PayloadText());
        await using var check = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
        var still = await check.Outbox.AsNoTracking().SingleAsync(m => m.Id == held.Id, Cancel);
        Assert.Equal(OutboxStatus.Pending, still.Status);
        Assert.Equal("node-still-alive/1", still.LockedBy);
    }

    [Fact]
    public async Task AMessageFailingEveryAttempt_IsDead_ListedForTheAdmin_AndDeliveredAfterRetry()
    {
        await using var sms = await FakeSmsOperator.StartAsync(failures: 3);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: Settings(sms, ("Outbox:MaxAttempts", "3")));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var admin = await app.LoginAsync("admin");

        var dead = await Eventually.GetAsync(async () =>
        {
            var page = await admin.GetFromJsonAsync<JsonObject>("/api/v1/outbox?status=dead", Cancel);
            return page!["items"]!.AsArray().FirstOrDefault(i => i!["trackingCode"]!.GetValue<string>() == code)?.AsObject();
        }, TimeSpan.FromSeconds(30), "the SMS to be given up and listed as dead");
        Assert.Equal("notify.sms", dead["kind"]!.GetValue<string>());
        Assert.Equal(3, dead["attempts"]!.GetValue<int>());
        Assert.Equal("0912*****89", dead["recipient"]!.GetValue<string>());
        Assert.NotNull(dead["lastError"]);
        Assert.Null(dead["payload"]);
        Assert.Null(dead["text"]);
        Assert.Empty(sms.Delivered);
        var id = dead["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/outbox/{id}/retry", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/outbox/{id}/retry", null, Cancel)).StatusCode);

        await Eventually.GetAsync(() => Task.FromResult(sms.Delivered.Any(d => d.Text.Contains(code, StringComparison.Ordinal)) ? "sent" : null),
            TimeSpan.FromSeconds(30), "the retried SMS to reach the operator");
        var row = await Eventually.GetAsync(async () =>
        {
            await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(id), Cancel) is { Status: OutboxStatus.Done } done ? done : null;
        }, TimeSpan.FromSeconds(20), "the retried SMS to be recorded as sent");
        Assert.Equal(3, row.Attempts);
        Assert.Single(sms.Delivered);
        await using var history = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
        var retried = await history.AuditEvents.SingleAsync(e => e.Type == "outbox.retried", Cancel);
        Assert.Equal(("admin", code), (retried.Actor, retried.TrackingCode));
        Assert.True(await history.AuditEvents.AnyAsync(e => e.Type == "notification.sent" && e.TrackingCode == code, Cancel));
    }

    [Fact]
    public async Task TheDeadLetterApi_AnswersBadInputWithProblemDetails_AndOthersWith403()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var admin = await app.LoginAsync("admin");

        var unknownStatus = await admin.GetAsync("/api/v1/outbox?status=everything", Cancel);
        var badSize = await admin.GetAsync("/api/v1/outbox?status=dead&pageSize=0", Cancel);
        var unknownMessage = await admin.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null, Cancel);
        var edesk = await (await app.LoginAsync("edesk")).GetAsync("/api/v1/outbox?status=dead", Cancel);
        var anonymous = await app.Anonymous().GetAsync("/api/v1/outbox?status=dead", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
        Assert.Equal("application/problem+json", unknownStatus.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await unknownStatus.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.NotNull((await badSize.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!["pageSize"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownMessage.StatusCode);
        Assert.Equal("outbox.message-not-found", (await unknownMessage.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, edesk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static Dictionary<string, string> Settings(FakeSmsOperator sms, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Notifications:Sms:Url"] = sms.Url.ToString(),
            ["Outbox:RetryBaseDelay"] = "00:00:00.100",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static OutboxMessage Sms(TestApp app, string text)
    {
        var now = app.Service<TimeProvider>().GetUtcNow();
        return new OutboxMessage
        {
            Kind = OutboxKinds.Sms,
            Payload = JsonSerializer.Serialize(new NotificationMessage("09120000000", text, "NO-CASE"), JsonSerializerOptions.Web),
            CreatedAt = now,
            AvailableAt = now,
        };
    }

    private static async Task AddAsync(TestApp app, params OutboxMessage[] messages)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Cancel);
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync(Cancel);
    }
}

internal static class OutboxMessageText
{
    public static string PayloadText(this OutboxMessage message) =>
        JsonSerializer.Deserialize<NotificationMessage>(message.Payload, JsonSerializerOptions.Web)!.Text;
}

public sealed class OutboxOnSqlite(TestDatabases databases) : OutboxScenarios(databases, Store.Sqlite);

public sealed class OutboxOnPostgres(TestDatabases databases) : OutboxScenarios(databases, Store.Postgres);
