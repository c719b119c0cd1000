using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Sms;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>
/// A citizen's SMS through each real operator's API (a stand-in server speaking it): sent once with
/// the outbox id as client id, never twice across a lost answer or a dead node, refused as the
/// operator's error codes say, followed by its delivery report, and its secret redacted once accepted.
/// </summary>
public abstract class SmsOperatorScenarios(TestDatabases databases, Store store)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected abstract Task<SmsOperatorStandIn> StartOperatorAsync();

    [Fact]
    public async Task Submission_SendsOneSmsWhoseClientIdIsTheOutboxId()
    {
        await using var op = await StartOperatorAsync();
        await using var app = await StartAppAsync(op);

        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var row = await SettledAsync(app, SmsState.SentToOperator);
        var sms = Assert.Single(op.Accepted);
        Assert.Equal(ClientMessageId.Of(row.Id), sms.ClientId);
        Assert.Equal("09123456789", sms.To);
        Assert.Contains(code, sms.Text, StringComparison.Ordinal);
        Assert.Equal(sms.OperatorId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.OperatorId);
        Assert.Equal(op.Provider, row.Provider);
    }

    [Fact]
    public async Task DeliveryReports_ReachTheStoredStateTheCaseListAndTheAudit()
    {
        await using var op = await StartOperatorAsync();
        await using var app = await StartAppAsync(op);
        var delivered = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var undelivered = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint(subject: "قطعی دوباره"));
        await Eventually.GetAsync(() => Task.FromResult(op.Accepted.Count == 2 ? "both" : null), Patience, "both SMS to reach the operator");

        op.Report(op.Accepted.Single(s => s.Text.Contains(delivered, StringComparison.Ordinal)).ClientId, SmsState.Delivered);
        op.Report(op.Accepted.Single(s => s.Text.Contains(undelivered, StringComparison.Ordinal)).ClientId, SmsState.Undelivered);

        var deliveredView = await CaseSmsAsync(app, delivered, SmsState.Delivered);
        var undeliveredView = await CaseSmsAsync(app, undelivered, SmsState.Undelivered);
        Assert.False(deliveredView.NeedsAttention);
        Assert.True(undeliveredView.NeedsAttention);
        await using var db = await DbAsync(app);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Type == "sms.state-changed").ToListAsync();
        Assert.Contains(events, e => e.TrackingCode == delivered && e.Data.Contains("\"delivered\"", StringComparison.Ordinal));
        Assert.Contains(events, e => e.TrackingCode == undelivered && e.Data.Contains("\"undelivered\"", StringComparison.Ordinal));
        Assert.Equal(2, events.Count);
        var notices = await db.StaffNotices.AsNoTracking().Where(n => n.Kind == "sms-undelivered").ToListAsync();
        Assert.Equal((undelivered, "EDesk"), (Assert.Single(notices).TrackingCode, notices[0].Recipient));
    }

    [Fact]
    public async Task InvalidNumber_IsGivenUpAtOnceAndShownAsFailed()
    {
        await using var op = await StartOperatorAsync();
        op.Fail(OperatorFault.InvalidNumber, int.MaxValue);
        await using var app = await StartAppAsync(op);

        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var view = await CaseSmsAsync(app, code, SmsState.Failed);
        Assert.True(view.NeedsAttention);
        Assert.Empty(op.Accepted);
        await using var db = await DbAsync(app);
        var outbox = await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.Sms);
        Assert.Equal(OutboxStatus.Dead, outbox.Status);
        Assert.Equal(1, outbox.Attempts);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.TrackingCode == code && e.Type == "sms.state-changed"));
    }

    [Theory]
    [InlineData(OperatorFault.NoCredit)]
    [InlineData(OperatorFault.ServerError)]
    public async Task PassingRefusal_IsRetriedByTheOutboxAndSentOnce(OperatorFault fault)
    {
        await using var op = await StartOperatorAsync();
        op.Fail(fault, times: 2);
        await using var app = await StartAppAsync(op);

        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        await SettledAsync(app, SmsState.SentToOperator);
        Assert.Single(op.Accepted);
        Assert.Equal(2, op.Refused);
        await using var db = await DbAsync(app);
        var outbox = await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.Sms);
        Assert.Equal(OutboxStatus.Done, outbox.Status);
        Assert.Equal(2, outbox.Attempts);
    }

    [Fact]
    public async Task AnswerLostAfterTheOperatorAccepted_TheRetryFindsItAndDoesNotSendAgain()
    {
        await using var op = await StartOperatorAsync();
        op.AnswerDelay = TimeSpan.FromSeconds(5);
        await using var app = await StartAppAsync(op);

        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var row = await SettledAsync(app, SmsState.SentToOperator);
        Assert.Single(op.Accepted);
        Assert.Equal(op.Accepted.Single().OperatorId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.OperatorId);
        await using var db = await DbAsync(app);
        var outbox = await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.Sms);
        Assert.Equal(OutboxStatus.Done, outbox.Status);
        Assert.Equal(1, outbox.Attempts);
    }

    [Fact]
    public async Task NodeKilledAfterTheOperatorAcceptedBeforeTheCommit_ExactlyOneSms()
    {
        await using var op = await StartOperatorAsync();
        op.AnswerDelay = TimeSpan.FromMinutes(5);
        var database = await databases.CreateAsync(store);
        await using (var first = await StartAppAsync(op, database))
        {
            await CaseApi.SubmitAsync(first.Anonymous(), CaseApi.Complaint());
            await Eventually.GetAsync(() => Task.FromResult(op.Accepted.IsEmpty ? null : "accepted"), Patience, "the operator to accept the SMS");
        }

        // What kill -9 leaves: the row still pending, no attempt counted, leased by a node that is gone until its lease ran out.
        var lease = TimeSpan.Parse(Settings(op)["Outbox:Lease"], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await DbOn(database))
        {
            var outbox = await db.Outbox.SingleAsync(m => m.Kind == OutboxKinds.Sms);
            outbox.Status = OutboxStatus.Pending;
            outbox.Attempts = 0;
            outbox.LastError = null;
            outbox.AvailableAt = outbox.CreatedAt;
            outbox.LockedBy = "killed-node/lease";
            outbox.LockedUntil = outbox.CreatedAt + lease;
            await db.SaveChangesAsync();
            Assert.Equal(SmsState.Queued, (await db.SmsMessages.SingleAsync()).State);
        }

        await Task.Delay(lease);
        op.AnswerDelay = TimeSpan.Zero;
        await using var second = await StartAppAsync(op, database);
        var row = await SettledAsync(second, SmsState.SentToOperator);
        Assert.Single(op.Accepted);
        Assert.Equal(op.Accepted.Single().OperatorId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.OperatorId);
    }

    [Fact]
    public async Task SecretInTheMessage_IsRedactedOnceTheOperatorAcceptedIt()
    {
        await using var op = await StartOperatorAsync();
        await using var app = await StartAppAsync(op);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await Eventually.GetAsync(() => Task.FromResult(op.Accepted.IsEmpty ? null : "first"), Patience, "the submission's SMS");
        const string password = "Kx7-93Qa";
        Guid id;
        await using (var db = await DbAsync(app))
        {
            // The letter workflow's SMS as the outbox receives it: its text holds the password, named as the secret.
            var caseId = await db.Cases.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
            var payload = JsonSerializer.Serialize(new NotificationMessage("09123456789", $"کد رهگیری {code} رمز {password}", code, Secret: password), JsonSerializerOptions.Web);
            var now = app.Service<TimeProvider>().GetUtcNow();
            var outbox = new OutboxMessage { Kind = OutboxKinds.Sms, Payload = payload, CreatedAt = now, AvailableAt = now };
            db.Outbox.Add(outbox);
            db.SmsMessages.Add(SmsMessage.Queued(outbox.Id, caseId, "09123456789", now));
            await db.SaveChangesAsync();
            id = outbox.Id;
        }

        var stored = await Eventually.GetAsync(async () =>
        {
            await using var db = await DbAsync(app);
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id) is { Status: OutboxStatus.Done } done ? done : null;
        }, Patience, "the secret SMS to be recorded as sent");
        Assert.Contains(op.Accepted, s => s.Text.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(password, stored.Payload, StringComparison.Ordinal);
        var notification = JsonSerializer.Deserialize<NotificationMessage>(stored.Payload, JsonSerializerOptions.Web)!;
        Assert.Null(notification.Secret);
        Assert.Contains(SecretRedaction.Mask, notification.Text, StringComparison.Ordinal);
        await using (var db = await DbAsync(app))
        {
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Data.Contains(password)));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == "notification.sent" && e.Data.Contains(id.ToString())));
        }
    }

    private async Task<TestApp> StartAppAsync(SmsOperatorStandIn op, DatabaseTarget? database = null) =>
        await TestApp.StartAsync(database ?? await databases.CreateAsync(store), settings: Settings(op));

    private static Dictionary<string, string> Settings(SmsOperatorStandIn op)
    {
        var settings = op.Settings();
        settings["Sms:StatusPollSeconds"] = "1";
        settings["Sms:TimeoutSeconds"] = "1";
        settings["Outbox:RetryBaseDelay"] = "00:00:00.200";
        settings["Outbox:PollInterval"] = "00:00:00.200";
        settings["Outbox:Lease"] = "00:00:06";
        return settings;
    }

    /// <summary>The one SMS row once it reached <paramref name="state"/> and its outbox row is settled.</summary>
    private static async Task<SmsMessage> SettledAsync(TestApp app, SmsState state) =>
        await Eventually.GetAsync(async () =>
        {
            await using var db = await DbAsync(app);
            var outboxDone = await db.Outbox.AnyAsync(m => m.Kind == OutboxKinds.Sms && m.Status == OutboxStatus.Done);
            return outboxDone && await db.SmsMessages.AsNoTracking().SingleAsync() is { } sms && sms.State == state ? sms : null;
        }, Patience, $"the SMS to be {state}");

    /// <summary>The case's SMS as the staff case page lists it, once it shows <paramref name="state"/>.</summary>
    private static async Task<ListCaseSms.SmsView> CaseSmsAsync(TestApp app, string trackingCode, SmsState state)
    {
        Guid caseId;
        await using (var db = await DbAsync(app))
        {
            caseId = await db.Cases.Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync();
        }

        return await Eventually.GetAsync(async () =>
            (await app.Service<ListCaseSms.Handler>().HandleAsync(caseId, CancellationToken.None)).SingleOrDefault(s => s.State == state),
            Patience, $"the case page to show the SMS as {state}");
    }

    private static Task<SkedDbContext> DbAsync(TestApp app) => app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();

    private static Task<SkedDbContext> DbOn(DatabaseTarget database) => Task.FromResult(AuditChecks.OpenDatabase(database));
}

public sealed class KavenegarOnSqlite(TestDatabases databases) : SmsOperatorScenarios(databases, Store.Sqlite)
{
    protected override async Task<SmsOperatorStandIn> StartOperatorAsync() => await KavenegarStandIn.StartNewAsync();
}

public sealed class KavenegarOnPostgres(TestDatabases databases) : SmsOperatorScenarios(databases, Store.Postgres)
{
    protected override async Task<SmsOperatorStandIn> StartOperatorAsync() => await KavenegarStandIn.StartNewAsync();
}

public sealed class MagfaOnSqlite(TestDatabases databases) : SmsOperatorScenarios(databases, Store.Sqlite)
{
    protected override async Task<SmsOperatorStandIn> StartOperatorAsync() => await MagfaStandIn.StartNewAsync();
}

public sealed class MagfaOnPostgres(TestDatabases databases) : SmsOperatorScenarios(databases, Store.Postgres)
{
    protected override async Task<SmsOperatorStandIn> StartOperatorAsync() => await MagfaStandIn.StartNewAsync();
}
