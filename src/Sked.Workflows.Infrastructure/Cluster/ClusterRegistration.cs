using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Several nodes on one database (docs/adr/0005-two-nodes-behind-a-proxy.md). On PostgreSQL the task feed
/// crosses nodes (notify, listen, catch-up); SQLite stays one node and refuses a second process.
/// </summary>
public static class ClusterRegistration
{
    public static void AddCluster(IHostApplicationBuilder builder, DatabaseOptions database)
    {
        builder.Services.AddOptions<ClusterOptions>().Bind(builder.Configuration.GetSection(ClusterOptions.Section))
            .Validate(o => o.IsValid, "Cluster settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(new NodeIdentity(builder.Configuration[$"{ClusterOptions.Section}:NodeName"]));
        builder.Services.AddSingleton<SingletonLease>();
        if (!database.IsPostgres)
        {
            builder.Services.AddHostedService(sp => new SqliteNodeLock(database.ConnectionString!, sp.GetRequiredService<ILogger<SqliteNodeLock>>()));
            return;
        }

        builder.Services.AddHostedService<TaskChangeNotifier>();
        builder.Services.AddSingleton<TaskChangeListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TaskChangeListener>());
        builder.Services.AddSingleton<MissedChangeCatchUp>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MissedChangeCatchUp>());
    }
}
