using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.StaffArea.Admin;

namespace Sked.Workflows.Web.Tests.Features.StaffArea.Admin;

/// <summary>The admin's routing table publishes a version only when it holds and nobody has published in between.</summary>
public sealed class RoutingRulesTests(TestDatabases databases)
{
    private const string Complaint = "complaint";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARuleWithoutDepartment_IsRefusedInPersian_AndNoVersionIsPublished()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<RoutingRules>();
        var table = (await rules.LoadAsync(Cancel)).Single(t => t.DefinitionId == Complaint);
        table.Rules.Insert(0, new RoutingRow { Keywords = "ترانسفورماتور" });

        var problems = await rules.PublishAsync(table, Admin(), Cancel);

        Assert.Contains(Catalogue.Render(DefinitionErrors.MissingProperty, PropertyValues.ItemField("rules", 1, "department")), problems);
        Assert.Equal(table.Version, await LatestAsync(app));
    }

    [Fact]
    public async Task ATableReadBeforeADesignerPublish_IsRefused_AndTheDesignersVersionStays()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<RoutingRules>();
        var table = (await rules.LoadAsync(Cancel)).Single(t => t.DefinitionId == Complaint);
        var design = app.Service<WorkflowDesign>();
        var edited = DefinitionJson.TryParse(DefinitionJson.Serialize((await design.VersionAsync(Complaint, table.Version, Cancel))!), null, out _)!;
        edited.Nodes.Single(n => n.Id == "edesk-review").Properties!["sla"] = "PT2H";
        var ownersVersion = (await design.PublishAsync(Complaint, edited, "process-owner", Cancel)).Version;

        table.Rules.Insert(0, new RoutingRow { Keywords = "ترانسفورماتور", Department = "safety" });
        var problems = await rules.PublishAsync(table, Admin(), Cancel);

        var problem = Assert.Single(problems);
        Assert.Contains($"نسخه {Sked.Workflows.Web.Components.Display.Persian.Ordinal(ownersVersion)}", problem, StringComparison.Ordinal);
        Assert.Equal(ownersVersion, await LatestAsync(app));
        var latest = await design.VersionAsync(Complaint, ownersVersion!.Value, Cancel);
        Assert.Equal("PT2H", latest!.Nodes.Single(n => n.Id == "edesk-review").Properties!["sla"]!.GetValue<string>());
    }

    [Fact]
    public async Task AValidTable_IsPublishedAsTheNextVersion_RecordedAsTheAdmins()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<RoutingRules>();
        var table = (await rules.LoadAsync(Cancel)).Single(t => t.DefinitionId == Complaint);
        table.Rules.Insert(0, new RoutingRow { Keywords = "ترانسفورماتور", Department = "safety" });

        Assert.Empty(await rules.PublishAsync(table, Admin(), Cancel));

        var latest = (await app.Service<WorkflowDesign>().VersionsAsync(Complaint, Cancel))[0];
        Assert.Equal((table.Version + 1, WorkflowDesign.AdminSource, "admin"), (latest.Version, latest.Source, latest.PublishedBy));
    }

    private static async Task<int> LatestAsync(TestApp app) =>
        (await app.Service<WorkflowDesign>().VersionsAsync(Complaint, Cancel))[0].Version;

    private static StaffMember Admin() => new("admin", new HashSet<string>([Roles.Admin], StringComparer.Ordinal), null, "127.0.0.1");
}
