using System.Net;
using System.Net.Http.Json;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>
/// A closure an admin records on one node reaches the other node's calendar within seconds, without a
/// restart (issue 15's gap, issue 18's two nodes), so both promise citizens the same dates.
/// </summary>
public sealed class CalendarOnTwoNodesTests(TestDatabases databases)
{
    [Fact]
    public async Task AClosureRecordedOnNodeA_IsInNodeBsCalendar_WithinSeconds()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var nodeA = await TestApp.StartAsync(database);
        await using var nodeB = await TestApp.StartAsync(database);
        var before = nodeB.Service<CurrentCalendar>().Value.Version;

        using var admin = await nodeA.LoginAsync("admin");
        var closure = await admin.PostAsJsonAsync("/api/v1/calendar/closures", new { from = "1405/01/20", reason = "گرمای هوا" });
        Assert.Equal(HttpStatusCode.Created, closure.StatusCode);
        var after = nodeA.Service<CurrentCalendar>().Value.Version;
        Assert.True(after > before, "node A's own calendar moved at once");

        await Eventually.GetAsync(
            () => Task.FromResult(nodeB.Service<CurrentCalendar>().Value.Version == after ? "reloaded" : null),
            TimeSpan.FromSeconds(25), "node B to reload the calendar node A changed");
    }
}
