using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Staff;

/// <summary>The admin finds the messages the outbox gave up on from the navigation, and sends one again.</summary>
public sealed class DeadLettersTests(TestDatabases databases, Chromium chromium)
{
    [Fact]
    public async Task AdminOpensDeadLettersFromTheMenu_AndSendsOneAgain()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            var now = app.Service<TimeProvider>().GetUtcNow();
            db.Outbox.Add(new OutboxMessage
            {
                Kind = OutboxKinds.Sms,
                Payload = JsonSerializer.Serialize(new NotificationMessage("09123456789", "رمز پیگیری: 7391", "DEAD-0001"), JsonSerializerOptions.Web),
                CreatedAt = now,
                AvailableAt = now,
                Status = OutboxStatus.Dead,
                Attempts = 10,
                LastError = "Response status code does not indicate success: 503 (Service Unavailable).",
            });
            await db.SaveChangesAsync();
        }

        await using var context = await StaffBrowser.DesktopAsync(chromium, app);
        var admin = await StaffBrowser.LogInAsync(context, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "پیام‌های ناموفق" }).ClickAsync();
        await StaffBrowser.Ready(admin);
        var row = admin.Locator("#outbox-dead tbody tr", new() { HasText = "DEAD-0001" });
        await Assertions.Expect(row).ToContainTextAsync("0912*****89");
        await Assertions.Expect(row).ToContainTextAsync("پیامک");
        await Assertions.Expect(row).ToContainTextAsync("۱۰");
        await Assertions.Expect(admin.Locator("#outbox-dead")).Not.ToContainTextAsync("7391");
        await StaffBrowser.Shot(admin, "admin-dead-letters");

        await row.Locator(".outbox-retry").ClickAsync();

        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("دوباره در صف ارسال");
        await Assertions.Expect(admin.Locator("#outbox-dead tbody tr", new() { HasText = "DEAD-0001" })).ToHaveCountAsync(0);
    }
}
