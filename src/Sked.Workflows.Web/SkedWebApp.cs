using Sked.Workflows.Infrastructure;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Components;
using Sked.Workflows.Web.Features;
using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Features.Calendar;
using Sked.Workflows.Web.Features.CitizenReplies;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Features.Departments;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Features.Health;
using Sked.Workflows.Web.Features.Incidents;
using Sked.Workflows.Web.Features.Letters;
using Sked.Workflows.Web.Features.Notices;
using Sked.Workflows.Web.Features.Open311;
using Sked.Workflows.Web.Features.Outbox;
using Sked.Workflows.Web.Features.Portal;
using Sked.Workflows.Web.Features.Sla;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.Synonyms;
using Sked.Workflows.Web.Features.Tasks;
using Sked.Workflows.Web.Features.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web;

/// <summary>The table of contents of the app: what it is made of and which endpoints it serves.</summary>
public static class SkedWebApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name is fixed so tests that host the app find its static web assets (MudBlazor's files).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SkedWebApp).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        builder.AddInfrastructure().AddWebApi().AddHealth().AddMetrics().AddPages().AddPortal().AddStaffArea().AddHttpsOnly();
        builder.Services.AddUseCases();

        var app = builder.Build();
        app.UseWebApi();
        app.MapHealth();
        app.MapMetrics();
        app.MapStaffLogin();
        var api = app.MapGroup("/api/v1");
        api.MapSubmitCase().MapTrackCase().MapCaseHistory().MapEvidencePack().MapEvidencePage();
        api.MapVerifyChain().MapChainCheckpoints().MapSearchEvents();
        api.MapRegisterLetter().MapReissueLetterPassword().MapStartEmailInquiry();
        api.MapListMyNotices().MapMarkNoticesRead();
        api.MapTasks();
        api.MapDepartments().MapWorkflows().MapWorkflowExport().MapPublishDefinition().MapIncidents().MapFaq().MapSimilarQuestions().MapFaqCuration();
        api.MapSynonyms();
        api.MapOutbox();
        Sked.Workflows.Web.Features.Cases.Duplicates.DuplicatesFeature.MapDuplicates(api);
        api.MapCalendar();
        api.MapReplyToQuestion();
        api.MapSla();
        app.MapOpen311();
        app.MapStaffArea();
        app.MapPages();
        return app;
    }

    /// <summary>Migrates, seeds and publishes changed definitions before the app serves a request.</summary>
    public static Task InitializeSkedAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
}
