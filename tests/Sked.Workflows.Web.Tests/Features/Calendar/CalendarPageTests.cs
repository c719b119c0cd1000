using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Calendar;
using Sked.Workflows.Web.Features.StaffArea;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>The admin's calendar page lists this year's holidays, flags the computed lunar ones, and confirming one is audited.</summary>
public sealed class CalendarPageTests(TestDatabases databases) : BunitContext
{
    [Fact]
    public async Task AComputedLunarHoliday_IsFlagged_AndConfirmingItIsAuditedAndClearsTheFlag()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        Services.AddMudServices();
        foreach (var handler in new[] { typeof(GetCalendar.Handler), typeof(AddClosure.Handler), typeof(ChangeWeek.Handler), typeof(SaveHoliday.Handler),
                     typeof(RemoveCalendarDay.Handler), typeof(ImportCalendar.Handler) })
        {
            Services.AddSingleton(handler, app.Services.GetRequiredService(handler));
        }

        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);
        Services.AddSingleton<StaffSession>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var page = Render<CalendarPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#holidays tr")));
        var flagged = page.FindAll("#holidays tr.to-confirm").Count;
        Assert.True(flagged > 0);
        Assert.Contains("۰۱/۰۱", page.Find("#holidays").TextContent, StringComparison.Ordinal);

        await page.Find("#holidays tr.to-confirm button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(flagged - 1, page.FindAll("#holidays tr.to-confirm").Count));
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("admin", (await db.AuditEvents.SingleAsync(e => e.Type == "calendar.holiday-saved", Xunit.TestContext.Current.CancellationToken)).Actor);
    }
}
