using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Demo;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Timers;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure;

public static class InfrastructureRegistration
{
    /// <summary>Storage, engine shell, timers, outbox, notifications and staff identity.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var database = ReadDatabaseOptions(builder);
        builder.Services.AddSingleton(database);
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddAudit(builder);
        AddDatabase(builder.Services, database);
        AddIdentity(builder.Services);
        AddTimers(builder);
        Cluster.ClusterRegistration.AddCluster(builder, database);

        builder.Services.AddOptions<EngineOptions>().Bind(builder.Configuration.GetSection(EngineOptions.Section))
            .Validate(o => o.MaxAttempts >= 1, "Engine:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryDelays.TrueForAll(d => d > TimeSpan.Zero), "Engine:RetryDelays must all be positive durations such as 00:00:30.")
            .ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.IsValid, "Outbox settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section));

        builder.Services.AddSingleton<DepartmentDirectory>();
        builder.Services.AddSingleton<Calendar.CurrentCalendar>();
        builder.Services.AddSingleton<Cluster.IFollowedData>(sp => sp.GetRequiredService<Calendar.CurrentCalendar>());
        builder.Services.AddSingleton<Calendar.DeadlineMover>();
        builder.Services.AddSingleton<Calendar.CalendarEditor>();
        builder.Services.AddSingleton<DefinitionCatalog>();
        builder.Services.AddSingleton<WorkflowDesign>();
        builder.Services.AddSingleton<OutboxNudge>();
        builder.Services.AddSingleton<TaskFeed>();
        builder.Services.AddSingleton<StaffNotices.StaffNoticeFeed>();
        builder.Services.AddSingleton<Search.CurrentSynonyms>();
        builder.Services.AddSingleton<Cluster.IFollowedData>(sp => sp.GetRequiredService<Search.CurrentSynonyms>());
        builder.Services.AddHostedService<Cluster.VersionFollower>();
        builder.Services.AddSingleton<Search.SynonymEditor>();
        builder.Services.AddSingleton<Search.FaqIndex>();
        Search.SearchRegistration.AddCaseSearch(builder);
        builder.Services.AddSingleton<GroupCommitter>();
        builder.Services.AddSingleton<EngineRunner>();
        builder.Services.AddSingleton<FireTimer>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<DemoCaseWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoCaseWriter>());
        SmsRegistration.AddSms(builder);
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddSingleton<Telemetry.SkedMetrics>();
        builder.Services.AddHostedService<Telemetry.BacklogSampler>();
        AddMail(builder);
        return builder;
    }

    /// <summary>The info@ channel: mail out through SMTP always (logged only without a host), the IMAP intake when configured.</summary>
    private static void AddMail(IHostApplicationBuilder builder)
    {
        // Citizens' mail programs still send windows-1256 and other code pages .NET leaves out by default.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section))
            .Validate(o => o.PollSeconds >= 1 && o.LeaseSeconds >= 3 && o.MaxAttachmentBytes > 0 && o.MaxAttachments >= 0
                && o.AcknowledgementsPerSenderPerHour >= 0, "Mail settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender, SmtpMailSender>();
        builder.Services.AddSingleton<OutgoingMail>();
        builder.Services.AddSingleton<MailboxLease>();
        builder.Services.AddSingleton<ReceiveMail>();
        builder.Services.AddSingleton<ImapIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ImapIntake>());
    }

    private static DatabaseOptions ReadDatabaseOptions(IHostApplicationBuilder builder)
    {
        var options = new DatabaseOptions
        {
            Provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseProvider.Sqlite,
            ConnectionString = builder.Configuration.GetConnectionString("Sked"),
        };
        if (options.Provider is not (DatabaseProvider.Sqlite or DatabaseProvider.Postgres))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Sked is empty.");
        }

        if (!options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, "data");
            Directory.CreateDirectory(folder);
            options.ConnectionString = $"Data Source={Path.Combine(folder, "sked.db")}";
        }

        if (!options.IsPostgres)
        {
            // Writers queue for the lock instead of failing at once; WAL is switched on at start-up.
            options.ConnectionString += ";Default Timeout=30;Pooling=True";
        }
        else
        {
            options.ConnectionString = PostgresConnections.Tuned(options.ConnectionString!);
        }

        return options;
    }

    /// <summary>
    /// The audit hash chain: its key (Audit:ChainKey, checked at start; Development, Testing and demo
    /// runs may go without one and use a public development key), the sealer and the verifier.
    /// </summary>
    private static void AddAudit(IHostApplicationBuilder builder)
    {
        var mayUseDevelopmentKey = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            || builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled");
        var testing = builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuditOptions>>(new AuditOptions.Validation(mayUseDevelopmentKey));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            if (options.TryReadKey(out _) is { } key)
            {
                return new AuditChain(key);
            }

            sp.GetRequiredService<ILoggerFactory>().CreateLogger<AuditChain>().Log(testing ? LogLevel.Debug : LogLevel.Warning,
                "Audit:ChainKey is not set; the audit chain uses the public development key and proves nothing. Production needs a key.");
            return new AuditChain(AuditOptions.DevelopmentKey);
        });
        builder.Services.AddSingleton(sp => new AuditChainSealer(sp.GetRequiredService<AuditChain>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<SqliteStatementCache>(),
            sp.GetRequiredService<DatabaseOptions>().IsPostgres ? sp.GetRequiredService<IOptions<AuditOptions>>().Value.Lanes : ChainLanes.First));
        builder.Services.AddSingleton<AuditChainVerifier>();
        builder.Services.AddSingleton<AuditLog>();
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions database)
    {
        // Every context seals the audit events it saves (AuditChainSealer), whatever wrote them. Contexts are
        // pooled (reset and reused, not built per request); the interceptors are singletons, so pooling keeps them.
        if (database.IsPostgres)
        {
            services.AddPooledDbContextFactory<PostgresSkedDbContext>((sp, o) => o.UseNpgsql(database.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditChainSealer>()));
            services.AddSingleton<IDbContextFactory<SkedDbContext>, ProviderContextFactory<PostgresSkedDbContext>>();
        }
        else
        {
            // One writer at a time, queued in-process (SqliteWriterGate), instead of SQLite's busy handler.
            services.AddSingleton<SqliteWriterGate>();
            services.AddSingleton<SqliteStatementCache>();
            services.AddPooledDbContextFactory<SqliteSkedDbContext>((sp, o) => o.UseSqlite(database.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqliteWriterGate>(), sp.GetRequiredService<AuditChainSealer>(), sp.GetRequiredService<SqliteStatementCache>()));
            services.AddSingleton<IDbContextFactory<SkedDbContext>, ProviderContextFactory<SqliteSkedDbContext>>();
        }

        services.AddSingleton<PreparedContexts>();
        services.AddScoped<SkedDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SkedDbContext>>().CreateDbContext());
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Sked.Workflows").PersistKeysToDbContext<SkedDbContext>();
        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                // Failed guesses delay an account (LoginGuesses), they never lock it.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SkedDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddSignInManager<AuditingSignInManager>();
        services.AddSingleton<LoginGuesses>();
    }

    /// <summary>Timers fire from their own table (docs/adr/0002): a poller per node, no scheduler store.</summary>
    private static void AddTimers(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimerOptions>().Bind(builder.Configuration.GetSection(TimerOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.BatchSize >= 1, "Timers settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TimerNudge>();
        builder.Services.AddSingleton<DueTimerPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueTimerPoller>());
    }

    /// <summary>Serves the provider-specific context as the common <see cref="SkedDbContext"/>.</summary>
    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SkedDbContext>
        where TContext : SkedDbContext
    {
        public SkedDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
