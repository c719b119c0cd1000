using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>
/// Writes the demo cases once the app serves, when start-up seeded the demo staff of a fresh database:
/// readiness (/health) waits for the database, the definitions and the staff accounts, not for sample
/// content. The cases appear within seconds, written in short batches so that a visitor's own
/// submissions do not wait long behind them.
/// </summary>
public sealed partial class DemoCaseWriter(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DemoCaseWriter> logger) : BackgroundService
{
    private List<StaffMember>? _staff;

    /// <summary>Asks for the demo cases, to be completed by these staff members, once the host runs.</summary>
    internal void Schedule(List<StaffMember> staff) => _staff = staff;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_staff is not { } staff)
        {
            return;
        }

        // Only once the app serves: on two cores the seeding would otherwise hold back start-up itself.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCasesAsync(staff, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Sample content is not worth the app: a database that went away mid-seed (a restart) leaves
            // fewer demo cases, and the app serves on, instead of the host stopping on a failed background service.
            LogSeedingStopped(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo cases were not all written; the app serves on without the rest")]
    private static partial void LogSeedingStopped(ILogger logger, Exception exception);
}
