using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>The done tab names its columns with the catalogue's words, and labels each cell with the same words.</summary>
public sealed class DoneTabTests(TestDatabases databases) : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheColumnHeaders_AreTheCataloguesWords_InTheDoneTabsOrder()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        Services.AddMudServices();
        Services.AddSingleton(app.Service<TaskFeed>());
        Services.AddSingleton(app.Service<DepartmentDirectory>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<StaffNames>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<OutcomeLabels>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
        var finished = new InboxRow(Guid.NewGuid(), "11111111111111", "complaint", "قطعی برق", null, "edesk-review", "بررسی میز خدمت",
            HumanTaskStatus.Completed, "edesk", Now.AddDays(-2), Now.AddDays(-1), SlaState.OnTime, Guid.NewGuid(), "EDesk", "route")
        {
            CompletedAt = Now.AddDays(-1).AddHours(-3),
            CompletedBy = "edesk",
        };

        var list = Render<InboxList>(p => p
            .Add(l => l.Load, (_, _) => Task.FromResult(new InboxResult([finished], 1)))
            .Add(l => l.Done, true));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr")));
        var words = InboxColumnTexts.Done.Select(Catalogue.Text).ToList();
        Assert.Equal(words, list.FindAll("thead th").Select(h => h.TextContent.Trim()));
        Assert.Equal(words, list.FindAll("tbody td").Select(d => d.GetAttribute("data-label")));
        Assert.Equal(Catalogue.Text(InboxColumnTexts.FinishedInTime), list.Find(".done-sla").TextContent.Trim());
    }

    [Fact]
    public void EveryColumn_HasItsWordsInTheCatalogue() =>
        Assert.All(InboxColumnTexts.All, code => Assert.NotEqual(code, Catalogue.Text(code)));
}
