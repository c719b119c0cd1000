using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Sla;

/// <summary>
/// On a fresh start with demo data the SLA report is not all zeros: cases spread over past months, on
/// time and late per department; a head sees only their department; CSV and Excel come out; others are refused.
/// </summary>
public abstract class SlaReportScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task DemoData_GivesOnTimeAndLateAnswersOverPastMonths_ToAdminsAllAndToAHeadTheirDepartment()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Demo:Cases"] = "60",
        });
        await Eventually.GetAsync(async () =>
        {
            await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
            var monthAgo = TimeProvider.System.GetUtcNow().AddDays(-30);
            return await db.Cases.CountAsync(c => c.CreatedAt < monthAgo) > 5 ? "spread" : null;
        }, TimeSpan.FromMinutes(3), "the demo cases to be written and spread over past months");

        using var admin = await app.LoginAsync("admin");
        var all = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/sla"))!;
        Assert.Null(all["department"]);
        var departments = all["byDepartment"]!.AsArray();
        Assert.True(departments.Sum(d => d!["onTime"]!.GetValue<int>()) > 0, all.ToJsonString());
        Assert.True(departments.Sum(d => d!["late"]!.GetValue<int>()) > 0, all.ToJsonString());
        Assert.True(all["byMonth"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()).Distinct().Count() > 1);
        Assert.NotNull(all["medianWorkingDays"]);

        using var head = await app.LoginAsync("head.billing");
        var billing = (await head.GetFromJsonAsync<JsonObject>("/api/v1/sla"))!;
        Assert.Equal("billing", billing["department"]!.GetValue<string>());
        Assert.All(billing["byDepartment"]!.AsArray(), d => Assert.Equal("billing", d!["key"]!.GetValue<string>()));

        var excel = await admin.GetByteArrayAsync("/api/v1/sla/export?format=xlsx");
        Assert.Equal("PK"u8.ToArray(), excel[..2]);
        var csv = await admin.GetStringAsync("/api/v1/sla/export?format=csv");
        Assert.Contains(Domain.Text.Catalogue.Text("sla.on-time"), csv);

        using var edesk = await app.LoginAsync("edesk");
        Assert.Equal(HttpStatusCode.Forbidden, (await edesk.GetAsync("/api/v1/sla")).StatusCode);
    }
}

public sealed class SlaReportOnSqlite(TestDatabases databases) : SlaReportScenarios(databases, Store.Sqlite);

public sealed class SlaReportOnPostgres(TestDatabases databases) : SlaReportScenarios(databases, Store.Postgres);
