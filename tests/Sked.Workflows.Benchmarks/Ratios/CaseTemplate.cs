using System.Data.Common;
using System.Globalization;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>One row as the database holds it (provider values), so it can be written again elsewhere.</summary>
internal sealed record StoredRow(string Table, IReadOnlyList<string> Columns, IReadOnlyList<object?> Values)
{
    public object? this[string column] => Values[Columns.ToList().IndexOf(column)];
}

/// <summary>
/// The rows the app wrote for one submitted case — the case, its instance, its first task, its first
/// two audit events and its first timer — read back from the app's database, so a reference can write
/// copies of exactly those rows (same columns, same values, new ids) without the app. Reading them
/// rather than spelling them out keeps the reference in step with the schema and with what the app writes.
/// </summary>
internal sealed class CaseTemplate
{
    private static long _copies;
    private readonly StoredRow _definition;

    private CaseTemplate(StoredRow definition, IReadOnlyList<StoredRow> rows)
    {
        _definition = definition;
        Rows = rows;
    }

    public IReadOnlyList<StoredRow> Rows { get; }

    public static async Task<CaseTemplate> ReadAsync(DatabaseTarget app, string trackingCode)
    {
        await using var connection = await Sql.OpenAsync(app);
        var @case = (await ReadAsync(connection, "cases", "\"TrackingCode\" = @p0", "\"Id\"", 1, trackingCode)).Single();
        var instance = (await ReadAsync(connection, "workflow_instances", "\"CaseId\" = @p0", "\"Id\"", 1, @case["Id"])).Single();
        var task = await ReadAsync(connection, "human_tasks", "\"InstanceId\" = @p0", "\"CreatedAt\"", 1, instance["Id"]);
        var events = await ReadAsync(connection, "audit_events", "\"CaseId\" = @p0", "\"Id\"", 2, @case["Id"]);
        var timer = await ReadAsync(connection, "workflow_timers", "\"InstanceId\" = @p0", "\"CreatedAt\"", 1, instance["Id"]);
        var definition = (await ReadAsync(connection, "definition_versions", "\"DefinitionId\" = @p0 AND \"Version\" = @p1", "\"Version\"", 1,
            instance["DefinitionId"], instance["DefinitionVersion"])).Single();
        return new CaseTemplate(definition, [@case, instance, .. task, .. events, .. timer]);
    }

    /// <summary>What one copy writes, e.g. "cases 1, workflow_instances 1, human_tasks 1, audit_events 2, workflow_timers 1".</summary>
    public string Describe() => string.Join(", ", Rows.GroupBy(r => r.Table).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>Gives a fresh database of the same schema the definition version the instances point at.</summary>
    public async Task PrepareAsync(DbConnection connection)
    {
        await using var exists = Sql.Command(connection, "SELECT COUNT(*) FROM definition_versions WHERE \"DefinitionId\" = @p0 AND \"Version\" = @p1",
            _definition["DefinitionId"], _definition["Version"]);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            await InsertAsync(connection, null, _definition.Table, _definition.Columns, _definition.Values);
        }
    }

    /// <summary>
    /// Writes one copy in the given transaction: new ids (consistently replaced wherever the old ones
    /// appear), a new tracking code, a new audit sequence number; <paramref name="overrides"/> sets
    /// columns by table (e.g. a timer's DueAt). Tables not in <paramref name="tables"/> are left out.
    /// </summary>
    public async Task WriteCopyAsync(DbConnection connection, DbTransaction transaction, ISet<string>? tables = null,
        IReadOnlyDictionary<(string Table, string Column), object>? overrides = null)
    {
        var copy = Interlocked.Increment(ref _copies);
        var ids = NewIds();
        foreach (var row in Rows.Where(r => tables is null || tables.Contains(r.Table)))
        {
            var columns = new List<string>();
            var values = new List<object?>();
            for (var i = 0; i < row.Columns.Count; i++)
            {
                var column = row.Columns[i];
                if (row.Table == "audit_events" && column == "Id")
                {
                    continue; // assigned by the database
                }

                columns.Add(column);
                values.Add(overrides is not null && overrides.TryGetValue((row.Table, column), out var set) ? set : Substitute(row, column, row.Values[i], ids, copy));
            }

            await InsertAsync(connection, transaction, row.Table, columns, values);
        }
    }

    private Dictionary<object, object> NewIds()
    {
        var ids = new Dictionary<object, object>();
        foreach (var row in Rows.Where(r => r.Table != "audit_events"))
        {
            var id = row["Id"]!;
            ids[id] = id is string text ? FormatLike(text, Guid.NewGuid()) : Guid.NewGuid();
        }

        return ids;
    }

    private static string FormatLike(string old, Guid id) =>
        old.Any(char.IsUpper) ? id.ToString().ToUpperInvariant() : id.ToString();

    private static object? Substitute(StoredRow row, string column, object? value, Dictionary<object, object> ids, long copy) => column switch
    {
        "TrackingCode" when value is string code => "8" + (copy % (long)Math.Pow(10, code.Length - 1)).ToString(CultureInfo.InvariantCulture).PadLeft(code.Length - 1, '0'),
        "Seq" when row.Table == "audit_events" && value is not null => 1_000_000_000_000L + (copy * 2) + Convert.ToInt64(value, CultureInfo.InvariantCulture) % 2,
        _ when value is not null && ids.TryGetValue(value, out var id) => id,
        _ => value,
    };

    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?> values)
    {
        var text = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        await using var command = Sql.Command(connection, text, [.. values]);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<StoredRow>> ReadAsync(DbConnection connection, string table, string where, string order, int limit, params object?[] arguments)
    {
        await using var command = Sql.Command(connection, $"SELECT * FROM {table} WHERE {where} ORDER BY {order} LIMIT {limit}", arguments);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList();
            rows.Add(new StoredRow(table, columns, values));
        }

        return rows;
    }
}
