using Sked.Workflows.Web.Features.Calendar;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Features.Incidents;
using Sked.Workflows.Web.Features.Letters;
using Sked.Workflows.Web.Features.Outbox;
using Sked.Workflows.Web.Features.Sla;
using Sked.Workflows.Web.Features.Synonyms;
using Sked.Workflows.Web.Features.Tasks;
using Sked.Workflows.Web.Features.Workflows;

namespace Sked.Workflows.Web.Features;

/// <summary>The use cases' handlers, which an endpoint and the page beside it both call.</summary>
public static class UseCases
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddTasks();
        services.AddSingleton<SubmitCase.Handler>();
        services.AddSingleton<TrackCase.Handler>();
        services.AddSingleton<LetterGuesses>();
        services.AddSingleton<RegisterLetter.Handler>();
        services.AddSingleton<ReissueLetterPassword.Handler>();
        services.AddSingleton<Notices.ListMyNotices.Handler>();
        services.AddSingleton<Notices.MarkNoticesRead.Handler>();
        services.AddSingleton<StartEmailInquiry.Handler>();
        services.AddSingleton<RetryIncident.Handler>();
        services.AddSingleton<PublishDefinition.Handler>();
        services.AddOutboxAdministration();
        services.AddCalendar();
        services.AddSla();
        services.AddSingleton<CitizenReplies.ReplyToQuestion.Handler>();
        services.AddSingleton<Sms.ListCaseSms.Handler>();
        Cases.Duplicates.DuplicatesFeature.AddDuplicates(services);
        services.AddFaq();
        services.AddSynonyms();
        return services;
    }
}
