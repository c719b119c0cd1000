using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>An anonymous reporter stays anonymous to everyone but the role the workflow names, and each look is recorded.</summary>
public sealed class IdentityReadTests(TestDatabases databases)
{
    [Fact]
    public async Task AnonymousReporter_IsHiddenFromTheEDesk_AndTheAuditorsLookIsRecorded()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/cases", new
        {
            type = "public-report",
            subject = "انشعاب غیرمجاز",
            body = "همسایه از تیر برق انشعاب غیرمجاز گرفته است.",
            category = "electricity-theft",
            anonymous = true,
            location = new { address = "کرمان، کوچه ۱۲" },
            citizen = new { name = "گزارشگر محرمانه", mobile = "09121234567" },
        });
        var code = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["trackingCode"]!.GetValue<string>();
        var taskId = Guid.Parse((await CaseApi.TaskForAsync(await app.LoginAsync("edesk"), code))!["id"]!.GetValue<string>());

        await using var scope = app.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<TaskDetailsQuery>();
        var asEDesk = await query.LoadAsync(taskId, Member("edesk", Roles.EDesk), CancellationToken.None);
        var asAuditor = await query.LoadAsync(taskId, Member("auditor", Roles.Auditor), CancellationToken.None);

        Assert.False(asEDesk!.SeesIdentity);
        Assert.True(asAuditor!.SeesIdentity);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var reads = await db.AuditEvents.Where(e => e.TrackingCode == code && e.Type == "identity.read").Select(e => e.Actor).ToListAsync();
        Assert.Equal(["auditor"], reads);
    }

    private static StaffMember Member(string name, string role) => new(name, new HashSet<string>([role], StringComparer.Ordinal), null, "127.0.0.1");
}
