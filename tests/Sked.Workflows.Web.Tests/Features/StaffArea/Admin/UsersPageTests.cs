using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.StaffArea.Admin;

namespace Sked.Workflows.Web.Tests.Features.StaffArea.Admin;

/// <summary>The users screen names roles in Persian, never by their codes.</summary>
public sealed class UsersPageTests(TestDatabases databases) : BunitContext
{
    [Fact]
    public async Task Roles_AreShownByTheirPersianNames_NotTheirCodes()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        Services.AddMudServices();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<StaffAdministration>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<StaffSession>());
        Services.AddSingleton(app.Service<Sked.Workflows.Infrastructure.Persistence.DepartmentDirectory>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();

        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#user-list tbody tr")));
        var roles = page.FindAll("#user-list .user-roles").Select(c => c.TextContent).ToList();
        Assert.Contains(roles, r => r.Contains("میز خدمت الکترونیک", StringComparison.Ordinal));
        Assert.All(roles, r => Assert.DoesNotContain(Roles.EDesk, r, StringComparison.Ordinal));
        Assert.Contains("مدیر سامانه", page.Find("#user-roles").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Roles.Admin, page.Find("#user-roles").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdentityRefusal_IsToldInPersian_NotInIdentitysEnglish()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        var admin = new Sked.Workflows.Domain.Staff.StaffMember("admin", new HashSet<string>([Roles.Admin], StringComparer.Ordinal), null, "127.0.0.1");

        var refusal = await administration.CreateUserAsync("short.password", "مینا راد", null, [Roles.EDesk], "abc", admin);

        Assert.NotNull(refusal);
        Assert.Contains("گذرواژه کوتاه است؛ دست‌کم ۱۰ نویسه بنویسید.", refusal, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", refusal);
    }
}
