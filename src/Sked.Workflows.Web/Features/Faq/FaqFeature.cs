namespace Sked.Workflows.Web.Features.Faq;

/// <summary>The FAQ's use cases and their endpoints: curation, the e-desk's repeats, deflection on the forms.</summary>
public static class FaqFeature
{
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<CreateFaqEntry.Handler>();
        services.AddSingleton<UpdateFaqEntry.Handler>();
        services.AddSingleton<PublishFaqEntry.Handler>();
        services.AddSingleton<DeleteFaqEntry.Handler>();
        services.AddSingleton<MergeFaqEntries.Handler>();
        services.AddSingleton<ConfirmSameQuestion.Handler>();
        services.AddSingleton<SameQuestionMatches.Handler>();
        services.AddSingleton<ListFaqEntries.Handler>();
        services.AddSingleton<CountHelpful.Handler>();
        services.AddSingleton<FaqDeflection>();
        return services;
    }

    public static RouteGroupBuilder MapFaqCuration(this RouteGroupBuilder api) => api
        .MapCreateFaqEntry().MapUpdateFaqEntry().MapDeleteFaqEntry().MapMergeFaqEntries()
        .MapConfirmSameQuestion().MapSameQuestionMatches().MapCountHelpful();
}
