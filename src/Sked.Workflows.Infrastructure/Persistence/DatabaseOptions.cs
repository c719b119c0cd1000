using System.ComponentModel.DataAnnotations;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>Database__Provider and ConnectionStrings__Sked.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Filled from ConnectionStrings:Sked; SQLite defaults to a file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;
}

public static class DatabaseProvider
{
    public const string Sqlite = nameof(Sqlite);
    public const string Postgres = nameof(Postgres);
}
