using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Departments;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Demo;
using Sked.Workflows.Infrastructure.Workflows;

using Sked.Workflows.Infrastructure.Calendar;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Brings a database to the state the app needs before it serves: the database itself on a fresh
/// server, migrations, departments, roles,
/// workflow definitions from the folder (a changed file becomes a new version) and demo data.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IDbContextFactory<SkedDbContext> dbFactory,
    DatabaseOptions database,
    DepartmentDirectory departments,
    CurrentCalendar calendar,
    Search.CurrentSynonyms synonyms,
    TimeProvider time,
    DefinitionCatalog definitions,
    IOptions<EngineOptions> engine,
    IOptions<DemoOptions> demo,
    IOptions<Audit.AuditOptions> audit)
{
    public bool Ready { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!database.IsPostgres)
            {
                // WAL lets trackers read while the engine writes; it is a property of the file and persists.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await EnsureDatabaseAsync(db, cancellationToken);

            // Creating the history table first spares a fresh database EF's logged "failed" probe of it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (database.IsPostgres)
            {
                await Audit.ChainLanes.EnsureAsync(db, audit.Value.Lanes, cancellationToken);
            }

            await SeedDepartmentsAsync(db, cancellationToken);
            await CurrentCalendar.SeedAsync(db, cancellationToken);
            await Search.CurrentSynonyms.SeedAsync(db, time.GetUtcNow(), cancellationToken);
        }

        await departments.ReloadAsync(cancellationToken);
        await calendar.ReloadAsync(cancellationToken);
        await synonyms.ReloadAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await definitions.SyncFromFolderAsync(WorkflowsFolder(engine.Value), cancellationToken);
        if (demo.Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        Ready = true;
    }

    // A fresh server has no database yet: create it (empty) before the history table goes into it. On
    // PostgreSQL the provider's own existence check opens an unpooled connection of its own, which loads the
    // server's types once more: seconds of a restart on a busy machine. Opening the pool's connection
    // answers the same question and warms the pool the app goes on to use.
    private async Task EnsureDatabaseAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!database.IsPostgres)
        {
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            return;
        }

        // Expected to fail on a fresh server, so not logged as an error.
        var connection = db.GetService<IRelationalConnection>();
        try
        {
            await connection.OpenAsync(cancellationToken, errorsExpected: true);
            await connection.CloseAsync();
        }
        catch (Npgsql.PostgresException missing) when (missing.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            await creator.CreateAsync(cancellationToken);
        }
    }

    public static string WorkflowsFolder(EngineOptions options) =>
        options.WorkflowsPath ?? Path.Combine(AppContext.BaseDirectory, "workflows");

    private static async Task SeedDepartmentsAsync(SkedDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        foreach (var (code, name) in DepartmentCatalogue.Seed.Where(d => !existing.Contains(d.Code)))
        {
            db.Departments.Add(new Department { Code = code, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
