using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Outbox;
using Sked.Workflows.Web.Features.StaffArea;

namespace Sked.Workflows.Web.Tests.Features.Outbox;

/// <summary>The dead-letter screen shows what an administrator needs and nothing a citizen would not want shown; its button sends the message again.</summary>
public sealed class DeadLettersPageTests(TestDatabases databases) : BunitContext
{
    private const string Mobile = "09123456789";
    private const string Secret = "رمز پیگیری نامه: 7391";

    [Fact]
    public async Task ADeadSms_IsListedMaskedWithoutItsText_AndTheButtonSendsItBack()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var id = await AddDeadSmsAsync(app);
        Services.AddMudServices();
        Services.AddSingleton(app.Service<ListOutboxMessages.Handler>());
        Services.AddSingleton(app.Service<RetryOutboxMessage.Handler>());
        Services.AddSingleton(app.Service<CancelOutboxMessage.Handler>());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);
        Services.AddSingleton<StaffSession>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();

        var page = Render<DeadLettersPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#outbox-dead tbody .outbox-retry")));
        Assert.Equal("0912*****89", page.Find(".outbox-recipient").TextContent);
        Assert.DoesNotContain(Mobile, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("7391", page.Markup, StringComparison.Ordinal);
        var row = page.Find("#outbox-dead tbody tr").TextContent;
        Assert.Contains("پیامک", row, StringComparison.Ordinal);
        Assert.Contains("۱۰", row, StringComparison.Ordinal);
        Assert.Contains("TEST-0001", row, StringComparison.Ordinal);

        await page.Find(".outbox-retry").ClickAsync(new());

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Xunit.TestContext.Current.CancellationToken);
        Assert.NotEqual(OutboxStatus.Dead, message.Status);
        Assert.Equal("admin", (await db.AuditEvents.SingleAsync(e => e.Type == "outbox.retried", Xunit.TestContext.Current.CancellationToken)).Actor);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#outbox-dead tbody .outbox-retry")));
    }

    private static async Task<Guid> AddDeadSmsAsync(TestApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var now = app.Service<TimeProvider>().GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = OutboxKinds.Sms,
            Payload = JsonSerializer.Serialize(new NotificationMessage(Mobile, Secret, "TEST-0001"), JsonSerializerOptions.Web),
            CreatedAt = now,
            AvailableAt = now,
            Status = OutboxStatus.Dead,
            Attempts = 10,
            LastError = "Response status code does not indicate success: 503 (Service Unavailable).",
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
