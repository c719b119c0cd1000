using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.StaffArea;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>Screens show who did something by name; the recorded login stays what it is.</summary>
public sealed class StaffNamesTests(TestDatabases databases)
{
    [Fact]
    public async Task ALogin_IsShownAsTheMembersFullName_AndTheSystemAndCitizensInPersian()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var edesk = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("edesk");
        var names = scope.ServiceProvider.GetRequiredService<StaffNames>();

        await names.LoadAsync(TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrWhiteSpace(edesk!.FullName));
        Assert.Equal(edesk.FullName, names.Of("edesk"));
        Assert.Equal("سامانه", names.Of("system"));
        Assert.Equal("شهروند", names.Of("citizen"));
        Assert.Equal("no.such.login", names.Of("no.such.login"));
    }
}
