namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>The synonym table of the Persian analysis: listed and edited by the FAQ's curators (API and staff page call the same handlers).</summary>
public static class SynonymsFeature
{
    public static IServiceCollection AddSynonyms(this IServiceCollection services)
    {
        services.AddSingleton<ListSynonyms.Handler>();
        services.AddSingleton<AddSynonymGroup.Handler>();
        services.AddSingleton<UpdateSynonymGroup.Handler>();
        services.AddSingleton<DeleteSynonymGroup.Handler>();
        return services;
    }

    /// <summary>GET/POST /synonyms, PUT/DELETE /synonyms/{id} (the FAQ's curators).</summary>
    public static RouteGroupBuilder MapSynonyms(this RouteGroupBuilder api) =>
        api.MapListSynonyms().MapAddSynonymGroup().MapUpdateSynonymGroup().MapDeleteSynonymGroup();
}
