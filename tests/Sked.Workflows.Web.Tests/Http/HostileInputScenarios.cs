using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>
/// Input found by probing from outside that once answered 500 (issue 16): each now gets a clear
/// refusal, or is stored cleaned, and nothing already stored is lost. On both stores, because
/// PostgreSQL refuses a NUL and half a surrogate pair where SQLite stores them.
/// </summary>
public abstract class HostileInputScenarios(TestDatabases databases, Store store)
{

    [Fact]
    public async Task NulAndHalfASurrogatePair_InACitizensText_AreStoredCleaned_NotA500()
    {
        await using var app = await StartAsync();
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint("قطعی\u0000 برق \ud800 محله"));

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var stored = await db.Cases.SingleAsync(c => c.TrackingCode == code);
        // What a person typed is kept; the NUL goes and the broken half pair shows as the replacement character.
        Assert.DoesNotContain('\u0000', stored.Subject);
        Assert.Contains('\uFFFD', stored.Subject);
    }

    [Theory]
    [InlineData("/open311/v2/requests.json", "{\"service_code\":\"hazard\",\"lat\":30.28,\"long\":57.07,\"description\":\"\\ud800 سیم برق پاره روی زمین افتاده و خطرناک است\"}")]
    [InlineData("/api/v1/cases", "{\"type\":\"complaint\",\"subject\":\"\\ud800 قطعی\",\"body\":\"برق خیابان ما سه روز است که قطع است\",\"citizen\":{\"name\":\"علی\",\"mobile\":\"09123456789\"}}")]
    public async Task JsonWithHalfASurrogatePairEscaped_Is400_NotA500(string path, string json)
    {
        await using var app = await StartAsync();
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await app.Anonymous().PostAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("requests.json?start_date=9999-12-31T23:59:59Z")]
    [InlineData("requests.json?end_date=0001-01-01T00:00:00Z")]
    public async Task Open311_DatesAtTheCalendarsEnds_Are400(string path)
    {
        await using var app = await StartAsync();
        using var response = await app.Anonymous().GetAsync("/open311/v2/" + path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Open311_ServiceCodeOfANul_FindsNothing_NotA500()
    {
        await using var app = await StartAsync();
        using var response = await app.Anonymous().GetAsync("/open311/v2/requests.json?service_code=%00");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonArray>())!);
    }

    [Theory]
    [InlineData("/api/v1/cases", "{\"type\": \"complaint\", \"subject\": ")]
    [InlineData("/api/v1/cases", "{\"type\": 42}")]
    [InlineData("/open311/v2/requests.json", "[[[[")]
    public async Task MalformedJson_Is400_AndLeavesNoErrorInTheLog(string path, string json)
    {
        var errors = new ErrorLog();
        // In Development (the README's `dotnet run`) the framework throws on a body it cannot bind.
        var development = new Dictionary<string, string>(StringComparer.Ordinal) { ["environment"] = "Development" };
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: development, configure: b => b.Logging.AddProvider(errors));
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await app.Anonymous().PostAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Sked.Workflows", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(errors.Lines);
    }

    private async Task<TestApp> StartAsync() => await TestApp.StartAsync(await databases.CreateAsync(store));
}

public sealed class HostileInputOnSqlite(TestDatabases databases) : HostileInputScenarios(databases, Store.Sqlite);

public sealed class HostileInputOnPostgres(TestDatabases databases) : HostileInputScenarios(databases, Store.Postgres);
