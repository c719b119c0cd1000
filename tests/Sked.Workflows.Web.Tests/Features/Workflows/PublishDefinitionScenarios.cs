using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Workflows;

namespace Sked.Workflows.Web.Tests.Features.Workflows;

/// <summary>POST /api/v1/workflows/{id}/versions: a process owner publishes an edited export; new cases take it.</summary>
public abstract class PublishDefinitionScenarios(TestDatabases databases, Store store)
{
    private const string Complaint = "complaint";

    [Fact]
    public async Task AnEditedExport_IsPublishedAsTheNextVersion_NewCasesTakeIt_AndAStaleReviewIsRefused()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var owner = await app.LoginAsync("process-owner");
        var before = await PublishApi.LatestAsync(owner, Complaint);
        var definition = await PublishApi.ExportAsync(owner, Complaint);
        PublishApi.Review(definition)["label"] = "بازبینی در میز خدمت";
        PublishApi.Review(definition)["properties"]!["title"] = "بازبینی شکایت در میز خدمت";

        var published = await PublishApi.PostAsync(owner, Complaint, definition, before);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(before + 1, (await published.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["version"]!.GetValue<int>());
        Assert.Equal(before + 1, await PublishApi.LatestAsync(owner, Complaint));
        var history = await PublishApi.VersionsAsync(owner, Complaint);
        Assert.Equal(("designer", "process-owner"), (history[^1]!["source"]!.GetValue<string>(), history[^1]!["publishedBy"]!.GetValue<string>()));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var task = await CaseApi.TaskForAsync(await app.LoginAsync("edesk"), code);
        Assert.Equal("بازبینی شکایت در میز خدمت", task!["title"]!.GetValue<string>());

        // The same content again is no new version.
        var again = await PublishApi.PostAsync(owner, Complaint, definition, before + 1);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var unchanged = (await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.True(unchanged["unchanged"]!.GetValue<bool>());
        Assert.Equal(before + 1, unchanged["version"]!.GetValue<int>());

        // Reviewed against the version before: a colleague's publish since would be undone.
        PublishApi.Review(definition)["properties"]!["sla"] = "PT2H";
        var stale = await PublishApi.PostAsync(owner, Complaint, definition, before);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal(Catalogue.Render(DefinitionErrors.Superseded, before + 1), problem["title"]!.GetValue<string>());
        Assert.Equal(before + 1, await PublishApi.LatestAsync(owner, Complaint));

        // The designer's rollback goes through the same handler and is recorded as a rollback.
        var rollback = await app.Service<PublishDefinition.Handler>().HandleAsync(
            PublishDefinition.Request.Rollback(Complaint, before, before + 1), ProcessOwner, TestContext.Current.CancellationToken);
        Assert.Equal((PublishDefinition.OutcomeKind.Published, before + 2), (rollback.Kind, rollback.Version));
        var restored = (await app.Service<WorkflowDesign>().VersionsAsync(Complaint, TestContext.Current.CancellationToken))[0];
        Assert.Equal((WorkflowDesign.RollbackSource, before), (restored.Source, restored.RestoredFrom));
    }

    private static readonly StaffMember ProcessOwner = new("process-owner", new HashSet<string>([Roles.ProcessOwner], StringComparer.Ordinal), null, null);
}

public sealed class PublishDefinitionOnSqlite(TestDatabases databases) : PublishDefinitionScenarios(databases, Store.Sqlite);

public sealed class PublishDefinitionOnPostgres(TestDatabases databases) : PublishDefinitionScenarios(databases, Store.Postgres);

/// <summary>What the endpoint refuses, and that nothing is published then.</summary>
public sealed class PublishDefinitionRefusalTests(TestDatabases databases)
{
    private const string Complaint = "complaint";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnInvalidDefinition_IsRefusedWithPersianErrorsByNode_AndNothingIsPublished()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var owner = await app.LoginAsync("process-owner");
        var before = await PublishApi.LatestAsync(owner, Complaint);
        var definition = await PublishApi.ExportAsync(owner, Complaint);
        PublishApi.Review(definition)["properties"]!["outcomes"] = new JsonArray();

        var response = await PublishApi.PostAsync(owner, Complaint, definition, before);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Equal(Catalogue.Render(DefinitionErrors.PublishRefused), problem["title"]!.GetValue<string>());
        var sentences = problem["errors"]!["edesk-review"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Contains(Catalogue.Render(DefinitionErrors.TaskWithoutOutcomes), sentences);
        Assert.Equal(before, await PublishApi.LatestAsync(owner, Complaint));
    }

    [Fact]
    public async Task BrokenJson_AnotherWorkflowsDefinition_NoReviewedVersion_AndAnUnknownWorkflow_AreAnsweredWithoutPublishing()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var owner = await app.LoginAsync("process-owner");
        var before = await PublishApi.LatestAsync(owner, Complaint);
        var definition = await PublishApi.ExportAsync(owner, Complaint);

        foreach (var body in new[] { "{\"id\": \"complaint\", \"nodes\": [", "null", "[1, 2]", "{\"id\": \"complaint\", \"nodes\": [null]}", "{\"id\": \"complaint\", \"nodes\": null}",
            "{\"id\": null}", "{\"id\": \"complaint\", \"connections\": [{\"from\": null}]}", "{\"id\": \"complaint\", \"nodes\": [{\"id\": \"a\", \"type\": null}]}",
            "{\"id\": \"complaint\", \"nodes\": [{\"id\": \"a\", \"type\": \"humanTask\", \"properties\": {\"outcomes\": 5, \"form\": \"x\"}}]}", string.Empty })
        {
            var broken = await owner.PostAsync($"/api/v1/workflows/{Complaint}/versions?reviewedAgainst={before}",
                new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
            Assert.True(broken.StatusCode == HttpStatusCode.BadRequest, $"{body} → {(int)broken.StatusCode}");
            var errors = (await broken.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject();
            Assert.NotEmpty(errors);
            Assert.All(errors.SelectMany(e => e.Value!.AsArray()), e => Assert.Matches("[\u0600-\u06FF]", e!.GetValue<string>()));
        }

        var foreign = await PublishApi.PostAsync(owner, Complaint, await PublishApi.ExportAsync(owner, "request"), before);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var mismatch = (await foreign.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!["definition"]!.AsArray();
        Assert.Contains(Catalogue.Render(DefinitionErrors.IdMismatch, "request", Complaint), mismatch.Select(e => e!.GetValue<string>()));

        var unreviewed = await owner.PostAsync($"/api/v1/workflows/{Complaint}/versions", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unreviewed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await PublishApi.PostAsync(owner, "no-such-workflow", definition, before)).StatusCode);
        Assert.Equal(before, await PublishApi.LatestAsync(owner, Complaint));
    }

    [Fact]
    public async Task OnlyProcessOwners_MayPublish()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var owner = await app.LoginAsync("process-owner");
        var before = await PublishApi.LatestAsync(owner, Complaint);
        var definition = await PublishApi.ExportAsync(owner, Complaint);
        PublishApi.Review(definition)["label"] = "بازبینی در میز خدمت";

        foreach (var login in new[] { "staff.billing", "head.billing", "edesk", "admin", "auditor" })
        {
            var response = await PublishApi.PostAsync(await app.LoginAsync(login), Complaint, definition, before);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{login} → {(int)response.StatusCode}");
        }

        Assert.False((await PublishApi.PostAsync(app.Anonymous(), Complaint, definition, before)).IsSuccessStatusCode);
        Assert.Equal(before, await PublishApi.LatestAsync(owner, Complaint));
    }
}

/// <summary>The workflow endpoints as a process owner uses them.</summary>
internal static class PublishApi
{
    public static async Task<int> LatestAsync(HttpClient client, string id)
    {
        var workflows = (await client.GetFromJsonAsync<JsonArray>("/api/v1/workflows", TestContext.Current.CancellationToken))!;
        return workflows.Single(w => w!["id"]!.GetValue<string>() == id)!["latestVersion"]!.GetValue<int>();
    }

    public static async Task<JsonArray> VersionsAsync(HttpClient client, string id)
    {
        var workflows = (await client.GetFromJsonAsync<JsonArray>("/api/v1/workflows", TestContext.Current.CancellationToken))!;
        return workflows.Single(w => w!["id"]!.GetValue<string>() == id)!["versions"]!.AsArray();
    }

    public static async Task<JsonObject> ExportAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/workflows/{id}/export", TestContext.Current.CancellationToken))!.AsObject();

    public static JsonObject Review(JsonObject definition) =>
        definition["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "edesk-review")!.AsObject();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string id, JsonObject definition, int reviewedAgainst) =>
        client.PostAsync($"/api/v1/workflows/{id}/versions?reviewedAgainst={reviewedAgainst}",
            new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
