using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Search;

public static class SearchRegistration
{
    /// <summary>The case index in this node's folder (Search:CaseIndexPath, by default data/case-index) and its indexer.</summary>
    public static void AddCaseSearch(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CaseIndexOptions>().Bind(builder.Configuration.GetSection(CaseIndexOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize >= 1, "Search settings must be positive.")
            .ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => new CaseIndex(
            sp.GetRequiredService<IOptions<CaseIndexOptions>>().Value.CaseIndexPath is { Length: > 0 } path ? path : Path.Combine(contentRoot, "data", "case-index"),
            sp.GetRequiredService<CurrentSynonyms>()));
        builder.Services.AddSingleton<CaseIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseIndexer>());
    }
}
