using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>SMS leave through the outbox after commit and reach the operator, even when it stumbles.</summary>
public abstract class SmsDeliveryScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task Submission_SendsTheCitizenAnSmsWithTheTrackingCode()
    {
        await using var sms = await FakeSmsOperator.StartAsync();
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: Settings(sms));

        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var message = await Eventually.GetAsync(() => Task.FromResult(sms.Delivered.FirstOrDefault(m => m.Text.Contains(code, StringComparison.Ordinal)) is { To: not null } m ? new[] { m.To, m.Text } : null),
            TimeSpan.FromSeconds(20), "the operator to receive the SMS");
        Assert.Equal("09123456789", message[0]);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        await Eventually.GetAsync(async () => await db.AuditEvents.AnyAsync(e => e.TrackingCode == code && e.Type == "notification.sent") ? "recorded" : null,
            TimeSpan.FromSeconds(20), "the sent SMS to be recorded in the case's history");
    }

    [Fact]
    public async Task OperatorRefusingAtFirst_IsRetriedUntilTheSmsIsDelivered()
    {
        await using var sms = await FakeSmsOperator.StartAsync(failures: 2);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: Settings(sms));

        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        await Eventually.GetAsync(() => Task.FromResult(sms.Delivered.Any(m => m.Text.Contains(code, StringComparison.Ordinal)) ? "sent" : null),
            TimeSpan.FromSeconds(30), "the SMS to get through after the operator's refusals");
        Assert.Equal(2, sms.Refused);
        // The operator has the SMS before the dispatcher hears back and commits, so the row settles a moment later.
        var row = await Eventually.GetAsync(async () =>
        {
            await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.Sms) is { Status: OutboxStatus.Done } done ? done : null;
        }, TimeSpan.FromSeconds(20), "the outbox to record the SMS as sent");
        Assert.Equal(2, row.Attempts);
        Assert.Single(sms.Delivered);
    }

    [Fact]
    public async Task GenericOperatorsAnswerLost_TheRetryAsksAndDoesNotSendAgain()
    {
        await using var sms = await FakeSmsOperator.StartAsync();
        sms.AnswerDelay = TimeSpan.FromSeconds(5);
        var settings = Settings(sms);
        settings["Sms:TimeoutSeconds"] = "1";
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: settings);

        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var row = await Eventually.GetAsync(async () =>
        {
            await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.Sms) is { Status: OutboxStatus.Done } done ? done : null;
        }, TimeSpan.FromSeconds(30), "the outbox to record the SMS as sent");
        Assert.Equal(1, row.Attempts);
        Assert.Single(sms.Delivered);
    }

    private static Dictionary<string, string> Settings(FakeSmsOperator sms) => new(StringComparer.Ordinal)
    {
        ["Notifications:Sms:Url"] = sms.Url.ToString(),
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Outbox:PollInterval"] = "00:00:00.200",
    };
}

public sealed class SmsDeliveryOnSqlite(TestDatabases databases) : SmsDeliveryScenarios(databases, Store.Sqlite);

public sealed class SmsDeliveryOnPostgres(TestDatabases databases) : SmsDeliveryScenarios(databases, Store.Postgres);
