namespace Sked.Workflows.Web.Features.Cases.Duplicates;

/// <summary>Duplicate cases across channels: finding them (<see cref="PossibleDuplicates"/>) and merging them (<see cref="MergeDuplicate"/>).</summary>
public static class DuplicatesFeature
{
    public static IServiceCollection AddDuplicates(this IServiceCollection services)
    {
        services.AddSingleton<PossibleDuplicates.Handler>();
        services.AddSingleton<MergeDuplicate.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapDuplicates(this RouteGroupBuilder api) => api.MapPossibleDuplicates().MapMergeDuplicate();
}
