using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Sms;

namespace Sked.Workflows.Web.Tests.Features.Sms;

/// <summary>The case page's SMS list: each SMS with its Persian state and Jalali time; one that did not reach the phone stands out in warning colour.</summary>
public sealed class CaseSmsListTests(TestDatabases databases) : BunitContext
{
    [Fact]
    public async Task StatesAreListedInPersian_AndAnUndeliveredSmsIsAWarning()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var caseId = Guid.CreateVersion7();
        var now = app.Service<TimeProvider>().GetUtcNow();
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var delivered = SmsMessage.Queued(Guid.CreateVersion7(), caseId, "09123456789", now.AddMinutes(-5));
            delivered.State = SmsState.Delivered;
            var undelivered = SmsMessage.Queued(Guid.CreateVersion7(), caseId, "09120000000", now);
            undelivered.State = SmsState.Undelivered;
            db.SmsMessages.AddRange(delivered, undelivered, SmsMessage.Queued(Guid.CreateVersion7(), Guid.CreateVersion7(), "09121111111", now));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Services.AddMudServices();
        Services.AddSingleton(app.Service<ListCaseSms.Handler>());
        JSInterop.Mode = JSRuntimeMode.Loose;

        var list = Render<CaseSmsList>(p => p.Add(c => c.CaseId, caseId));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll(".case-sms-row").Count));
        var rows = list.FindAll(".case-sms-row");
        Assert.Equal("delivered", rows[0].GetAttribute("data-state"));
        Assert.Contains("به گوشی رسید", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("undelivered", rows[1].GetAttribute("data-state"));
        Assert.Contains("به گوشی نرسید", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", rows[1].QuerySelector(".case-sms-state")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("شاید شماره را نادرست", list.Find(".case-sms-attention").TextContent, StringComparison.Ordinal);
        Assert.Single(list.FindAll(".case-sms-attention"));
        Assert.DoesNotContain("09121111111", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseWithoutSms_SaysSo()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        Services.AddMudServices();
        Services.AddSingleton(app.Service<ListCaseSms.Handler>());
        JSInterop.Mode = JSRuntimeMode.Loose;

        var list = Render<CaseSmsList>(p => p.Add(c => c.CaseId, Guid.CreateVersion7()));

        list.WaitForAssertion(() => Assert.Contains("پیامکی فرستاده نشده", list.Find(".case-sms-empty").TextContent, StringComparison.Ordinal));
    }
}
