using System.Data.Common;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>A plain command from <see cref="PreparedContexts.Lease.PreparedCommand"/>, on the lease's open connection.</summary>
public sealed record PlainCommand(DbCommand Command)
{
    /// <summary>Adds a parameter by name (both stores take @name).</summary>
    public PlainCommand With(string name, object value)
    {
        var parameter = Command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        Command.Parameters.Add(parameter);
        return this;
    }

    /// <summary>An instant as either store keeps it: UTC ticks on SQLite, timestamptz on PostgreSQL.</summary>
    public static DateTimeOffset Instant(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(long)
        ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
        : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Null, or the instant, as <see cref="Instant"/> reads it.</summary>
    public static DateTimeOffset? InstantOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);
}
