namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>How the app connects to PostgreSQL: the pool settings it adds to a connection string that does not name its own.</summary>
public static class PostgresConnections
{
    public static string Tuned(string connectionString)
    {
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // Npgsql prepares a statement once it has been run this often on a connection, and keeps it for the
            // connection's life: the hot reads and inserts skip parsing and planning.
            connectionString += ";Max Auto Prepare=64;Auto Prepare Min Usages=2";
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            // A pooled connection lent again is reset first (five statements once prepared statements exist):
            // more than a tracking lookup's own query. The app leaves no session state on pooled connections
            // (no SET, temporary table or session lock; LISTEN runs on a connection of its own), so there is
            // nothing to reset.
            connectionString += ";No Reset On Close=true";
        }

        return connectionString;
    }
}
