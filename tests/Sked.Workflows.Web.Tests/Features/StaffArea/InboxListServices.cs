using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>
/// What the inbox list injects, for component tests without a database: the rows they render are open
/// tasks with known departments, so none of these services reads one.
/// </summary>
internal static class InboxListServices
{
    public static void Add(IServiceCollection services, TaskFeed feed)
    {
        var none = new NoDatabase();
        var departments = new DepartmentDirectory(none);
        services.AddSingleton(feed);
        services.AddSingleton(departments);
        services.AddSingleton(new StaffNames(none));
        services.AddSingleton(new OutcomeLabels(none, new DefinitionCatalog(none, new PreparedContexts(none), departments, TimeProvider.System, NullLogger<DefinitionCatalog>.Instance)));
    }

    private sealed class NoDatabase : IDbContextFactory<SkedDbContext>
    {
        public SkedDbContext CreateDbContext() => throw new InvalidOperationException("no database in a component test");
    }
}
