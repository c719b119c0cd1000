using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>SQLite: the embedded default. Instants are stored as UTC ticks so they sort and compare in SQL.</summary>
public sealed class SqliteSkedDbContext(DbContextOptions<SqliteSkedDbContext> options) : SkedDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>PostgreSQL: the production and scale-out store.</summary>
public sealed class PostgresSkedDbContext(DbContextOptions<PostgresSkedDbContext> options) : SkedDbContext(options);

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSkedDbContext>
{
    public SqliteSkedDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSkedDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSkedDbContext>
{
    public PostgresSkedDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSkedDbContext>().UseNpgsql("Host=localhost;Database=sked").Options);
}
