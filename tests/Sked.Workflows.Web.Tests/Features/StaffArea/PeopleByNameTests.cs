using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.StaffArea.Auditing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>
/// Staff screens name people by their full name and events and outcomes by their Persian titles; the
/// recorded login, wire name or outcome id stays in an attribute (or small beside it) for whoever needs it.
/// </summary>
public sealed class PeopleByNameTests(TestDatabases databases) : BunitContext
{
    [Fact]
    public async Task TheDepartmentListsHolderColumn_ShowsTheAssigneesFullName_NotTheirLogin()
    {
        await using var app = await StartAsync();
        var fullName = await FullNameAsync(app, "staff.metering");
        var row = new InboxRow(Guid.NewGuid(), "11111111111111", "complaint", "قطعی برق", "metering", "department-answer", "پاسخ واحد",
            HumanTaskStatus.Claimed, "staff.metering", DateTimeOffset.UnixEpoch, null, SlaState.None, Guid.NewGuid(), Roles.Department, null);

        var list = Render<InboxList>(p => p
            .Add(l => l.Load, (_, _) => Task.FromResult(new InboxResult([row], 1)))
            .Add(l => l.ShowAssignee, true));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr")));
        var holder = list.Find(".assignee");
        Assert.Equal(fullName, holder.TextContent);
        Assert.Equal("staff.metering", holder.GetAttribute("data-login"));
    }

    [Fact]
    public async Task EarlierStepsOfACase_ShowWhoCompletedThemByName_AndTheirOutcomeAndFieldsByTheirCaptions()
    {
        await using var app = await StartAsync();
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edeskApi = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edeskApi, code))!;
        (await CaseApi.CompleteAsync(edeskApi, review["id"]!.GetValue<string>(), "route", new { department = "metering" })).EnsureSuccessStatusCode();
        var edesk = new StaffMember("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, "127.0.0.1");
        await using var scope = app.Services.CreateAsyncScope();
        var details = (await scope.ServiceProvider.GetRequiredService<TaskDetailsQuery>()
            .LoadAsync(Guid.Parse(review["id"]!.GetValue<string>()), edesk, Xunit.TestContext.Current.CancellationToken))!;

        var view = Render<CaseView>(p => p.Add(v => v.Details, details));

        var routeLabel = details.Steps["edesk-review"].Outcomes.Single(o => o.Name == "route").Label;
        var outcome = view.Find(".step-outcome");
        Assert.Equal(routeLabel, outcome.TextContent);
        Assert.NotEqual("route", routeLabel);
        Assert.Equal("route", outcome.GetAttribute("data-outcome"));
        var by = view.Find(".staff-name");
        Assert.Equal(await FullNameAsync(app, "edesk"), by.TextContent);
        Assert.Equal("edesk", by.GetAttribute("data-login"));
        var department = view.Find(".case-body[data-field='department']").TextContent;
        Assert.DoesNotContain("department", department, StringComparison.Ordinal);
        Assert.DoesNotContain("metering", department, StringComparison.Ordinal);
        Assert.Contains(app.Service<DepartmentDirectory>().ByCode["metering"], department, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditorsEventSearch_ListsEventTypesByTheirPersianTitles()
    {
        await using var app = await StartAsync();
        await app.LoginAsync("auditor");

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#audit-events .audit-type[data-type='staff.login']")), TimeSpan.FromSeconds(10));
        var login = page.FindAll("#audit-events .audit-type[data-type='staff.login']")[0];
        Assert.Equal("ورود کاربر", login.TextContent);
        Assert.All(page.FindAll("#audit-events .audit-type"), t => Assert.DoesNotMatch("[A-Za-z]", t.TextContent));
    }

    private async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        Services.AddMudServices();
        Services.AddSingleton(app.Service<IDbContextFactory<SkedDbContext>>());
        Services.AddSingleton(app.Service<TaskFeed>());
        Services.AddSingleton(app.Service<DepartmentDirectory>());
        Services.AddSingleton(app.Service<AuditChainVerifier>());
        Services.AddSingleton(app.Service<TimeProvider>());
        Services.AddScoped<StaffNames>();
        // The done list's outcome captions and the case page's map settings (issue 17).
        Services.AddSingleton(app.Service<OutcomeLabels>());
        Services.AddSingleton(app.Service<Microsoft.Extensions.Options.IOptions<Sked.Workflows.Web.Features.Portal.PortalOptions>>());
        Services.AddSingleton(app.Service<Sked.Workflows.Web.Features.Sms.ListCaseSms.Handler>());
        Services.AddSingleton(app.Service<Sked.Workflows.Infrastructure.Search.CaseIndex>());
        Services.AddSingleton(app.Service<Sked.Workflows.Web.Features.Cases.Duplicates.PossibleDuplicates.Handler>());
        Services.AddSingleton(app.Service<Sked.Workflows.Web.Features.Cases.Duplicates.MergeDuplicate.Handler>());
        Services.AddScoped<StaffSession>();
        // The case page's duplicates panel asks who is looking; an auditor sees it without the merge.
        AddAuthorization().SetAuthorized("auditor").SetRoles(Sked.Workflows.Domain.Staff.Roles.Auditor);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
        return app;
    }

    private static async Task<string> FullNameAsync(TestApp app, string login)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.FullName).SingleAsync();
    }
}
