using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The sealer's statements as plain commands on the committing transaction's own connection. Sealing
/// through EF (a second context per commit, a raw-SQL query of the head, a SaveChanges) cost more CPU
/// than the statements it ran — about a tenth of intake on PostgreSQL (issue 11). Each value is written
/// as EF's model writes it — its column names; on SQLite instants as UTC ticks, ids as the text EF's
/// Guid parameters bind to, days as yyyy-MM-dd text — so the verifier and every EF reader see the rows
/// they always saw. On SQLite a kept-open connection runs them as statements prepared once
/// (<see cref="SqliteStatementCache"/>); on PostgreSQL the writes go in one batch (one round trip), the
/// events in one statement of column arrays, and Npgsql prepares each repeated statement on the connection itself.
/// On PostgreSQL a seal linked on a guessed head (<see cref="AuditChainTip"/>, docs/adr/0006) sends the head's lock,
/// the check of the guess and the writes in one batch (<see cref="WriteOnGuessAsync"/>).
/// </summary>
internal sealed class ChainStatements
{
    private const string PostgresHeadSql = """SELECT "Seq", "Hash", "At", "SealedOn" FROM audit_chain_head WHERE "Id" = @lane FOR UPDATE""";

    // SQLite needs no lock: its transactions begin IMMEDIATE, which already serialises writers.
    private const string SqliteHeadSql = """SELECT "Seq", "Hash", "At", "SealedOn" FROM audit_chain_head WHERE "Id" = @lane""";

    private const string EventColumns = """
        "Seq", "At", "Type", "Actor", "CaseId", "TrackingCode", "InstanceId", "DefinitionId", "DefinitionVersion", "Data", "ClientAddress", "Hash"
        """;

    // SQLite: one row per statement, so its text never varies and stays prepared; the Id comes back as EF's insert gave it.
    private const string InsertEventSql = $"""
        INSERT INTO audit_events ({EventColumns})
        VALUES (@seq, @at, @type, @actor, @caseId, @trackingCode, @instanceId, @definitionId,
            @definitionVersion, @data, @clientAddress, @hash)
        RETURNING "Seq", "Id"
        """;

    // PostgreSQL: every event of the seal in one statement, one array per column, so a group commit's
    // hundred-odd events cost one insert, not one each. Rows are numbered in Seq order, as one by one.
    private const string EventsFromArrays = """
        SELECT * FROM unnest(@seq, @at, @type, @actor, @caseId, @trackingCode, @instanceId, @definitionId,
            @definitionVersion, @data, @clientAddress, @hash) AS e
        """;

    private const string InsertEventsSql = $"""
        INSERT INTO audit_events ({EventColumns})
        {EventsFromArrays}
        ORDER BY 1
        RETURNING "Seq", "Id"
        """;

    private const string UpdateHeadSql = """
        UPDATE audit_chain_head SET "Seq" = @seq, "Hash" = @hash, "At" = @at, "SealedOn" = @sealedOn WHERE "Id" = @lane
        """;

    private const string CheckpointColumns = """
        "Lane", "Day", "Seq", "Hash", "At"
        """;

    private const string InsertCheckpointSql = $"""
        INSERT INTO audit_checkpoints ({CheckpointColumns}) VALUES (@lane, @day, @seq, @hash, @at)
        """;

    // On the guessed head (AuditChainTip) the same writes, each only if the head locked first is still the
    // guess: the update finds it by the guess's Seq and hash, and the inserts by the head as the update left it.
    private const string UpdateGuessedHeadSql = $"""
        {UpdateHeadSql} AND "Seq" = @guessSeq AND "Hash" = @guessHash
        """;

    private const string AfterGuessedHead = """
        EXISTS (SELECT 1 FROM audit_chain_head h WHERE h."Id" = @lane AND h."Seq" = @headSeq AND h."Hash" = @headHash)
        """;

    private const string InsertEventsOnGuessSql = $"""
        INSERT INTO audit_events ({EventColumns})
        {EventsFromArrays}
        WHERE {AfterGuessedHead}
        ORDER BY 1
        RETURNING "Seq", "Id"
        """;

    private const string InsertCheckpointOnGuessSql = $"""
        INSERT INTO audit_checkpoints ({CheckpointColumns}) SELECT @lane, @day, @seq, @hash, @at WHERE {AfterGuessedHead}
        """;

    private readonly DbTransaction _transaction;
    private readonly DbConnection _connection;
    private readonly SqliteStatementCache? _statements;
    private readonly bool _sqlite;

    public ChainStatements(DbTransaction transaction, SqliteStatementCache? statements)
    {
        _transaction = transaction;
        _connection = transaction.Connection ?? throw new InvalidOperationException("The committing transaction has no connection.");
        _statements = statements;
        _sqlite = _connection is SqliteConnection;
    }

    /// <summary>Whether the seal can be written on a guessed head (<see cref="WriteOnGuessAsync"/>): PostgreSQL, in one batch.</summary>
    public bool CanSealOnTip => !_sqlite && _statements is null && _connection.CanCreateBatch;

    /// <summary>Reads a lane's head and, on PostgreSQL, locks its row until the transaction ends, so the lane's seals queue in commit order.</summary>
    public async Task<AuditChainHead> LockHeadAsync(int lane, CancellationToken cancellationToken)
    {
        using var plain = Command(_sqlite ? SqliteHeadSql : PostgresHeadSql);
        LaneValue(new Parameters(plain.Command.Parameters, plain.Command.CreateParameter), lane);
        await using var reader = await plain.Command.ExecuteReaderAsync(cancellationToken);
        return await ReadHeadAsync(reader, lane, cancellationToken);
    }

    /// <summary>
    /// In one round trip: locks the head and, only if it is still <paramref name="guess"/>, moves it to
    /// <paramref name="head"/> and inserts the events linked on the guess (giving each its Id) and the closed
    /// day's checkpoint if any. Returns whether they were written, and the head as locked before the update:
    /// when they were not, the guess was wrong, nothing was written, and the row stays locked for linking again on it.
    /// </summary>
    public async Task<(bool Written, AuditChainHead Locked)> WriteOnGuessAsync(IReadOnlyList<AuditEvent> events, AuditChainHead guess,
        AuditChainHead head, AuditCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        await using var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        batch.BatchCommands.Add(Filled(batch.CreateBatchCommand(), PostgresHeadSql, p => LaneValue(p, guess.Id)));
        batch.BatchCommands.Add(Filled(batch.CreateBatchCommand(), UpdateGuessedHeadSql, p =>
        {
            HeadValues(p, head);
            p.Add("@guessSeq", guess.Seq, DbType.Int64);
            p.Add("@guessHash", guess.Hash, DbType.Binary);
        }));
        var insert = batch.CreateBatchCommand();
        insert.CommandText = InsertEventsOnGuessSql;
        EventArrays(insert.Parameters, events);
        var values = new Parameters(insert.Parameters, insert.CreateParameter);
        AfterGuessValues(values, head);
        LaneValue(values, head.Id);
        batch.BatchCommands.Add(insert);
        if (checkpoint is not null)
        {
            batch.BatchCommands.Add(Filled(batch.CreateBatchCommand(), InsertCheckpointOnGuessSql, p =>
            {
                CheckpointValues(p, checkpoint);
                AfterGuessValues(p, head);
            }));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var locked = await ReadHeadAsync(reader, guess.Id, cancellationToken);
        return (await GiveInsertedIdsAsync(reader, events, cancellationToken), locked);
    }

    private static async Task<AuditChainHead> ReadHeadAsync(DbDataReader reader, int lane, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The audit_chain_head row of lane {lane} is missing: the database is not migrated, or the lane was not created at start.");
        }

        return new AuditChainHead
        {
            Id = lane,
            Seq = reader.GetInt64(0),
            Hash = reader.GetFieldValue<byte[]>(1),
            At = PlainCommand.InstantOrNull(reader, 2),
            SealedOn = reader.IsDBNull(3) ? null : Day(reader, 3),
        };
    }

    // Gives each event the Id the batch's insert returned for its Seq (the rows from the current result on);
    // returns false, giving none, when the insert wrote nothing (a guessed head that was wrong).
    private static async Task<bool> GiveInsertedIdsAsync(DbDataReader reader, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<long, long>(events.Count);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        if (ids.Count != events.Count)
        {
            return false;
        }

        foreach (var audit in events)
        {
            audit.Inserted(ids[audit.Seq]);
        }

        return true;
    }

    /// <summary>Inserts the sealed events (giving each its Id), moves the head, and keeps the closed day's checkpoint if any.</summary>
    public async Task WriteAsync(IReadOnlyList<AuditEvent> events, AuditChainHead head, AuditCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (_sqlite || !_connection.CanCreateBatch)
        {
            await WriteOneByOneAsync(events, head, checkpoint, cancellationToken);
            return;
        }

        await using var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        var insert = batch.CreateBatchCommand();
        insert.CommandText = InsertEventsSql;
        EventArrays(insert.Parameters, events);
        batch.BatchCommands.Add(insert);

        batch.BatchCommands.Add(Filled(batch.CreateBatchCommand(), UpdateHeadSql, p => HeadValues(p, head)));
        if (checkpoint is not null)
        {
            batch.BatchCommands.Add(Filled(batch.CreateBatchCommand(), InsertCheckpointSql, p => CheckpointValues(p, checkpoint)));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await GiveInsertedIdsAsync(reader, events, cancellationToken))
        {
            throw new InvalidOperationException("The audit events' insert did not return a row for every event.");
        }
    }

    private async Task WriteOneByOneAsync(IReadOnlyList<AuditEvent> events, AuditChainHead head, AuditCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        foreach (var audit in events)
        {
            using var plain = Command(InsertEventSql);
            EventValues(new Parameters(plain.Command.Parameters, plain.Command.CreateParameter), audit);
            await using var reader = await plain.Command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            audit.Inserted(reader.GetInt64(1));
        }

        await ExecuteAsync(UpdateHeadSql, p => HeadValues(p, head), cancellationToken);
        if (checkpoint is not null)
        {
            await ExecuteAsync(InsertCheckpointSql, p => CheckpointValues(p, checkpoint), cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, Action<Parameters> values, CancellationToken cancellationToken)
    {
        using var plain = Command(sql);
        values(new Parameters(plain.Command.Parameters, plain.Command.CreateParameter));
        await plain.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The connection's prepared statement when it keeps some (a SQLite connection kept open), else a new command.
    private PlainCommand Command(string sql) => PlainCommand.On(_connection, _transaction, sql, _statements);

    private static DbBatchCommand Filled(DbBatchCommand command, string sql, Action<Parameters> values)
    {
        command.CommandText = sql;
        values(new Parameters(command.Parameters, command.CreateParameter));
        return command;
    }

    private void EventValues(Parameters p, AuditEvent audit)
    {
        p.Add("@seq", audit.Seq, DbType.Int64);
        p.Add("@at", Instant(audit.At), DbType.DateTimeOffset);
        p.Add("@type", audit.Type, DbType.String);
        p.Add("@actor", audit.Actor, DbType.String);
        p.Add("@caseId", audit.CaseId, DbType.Guid);
        p.Add("@trackingCode", audit.TrackingCode, DbType.String);
        p.Add("@instanceId", audit.InstanceId, DbType.Guid);
        p.Add("@definitionId", audit.DefinitionId, DbType.String);
        p.Add("@definitionVersion", audit.DefinitionVersion, DbType.Int32);
        p.Add("@data", audit.Data, DbType.String);
        p.Add("@clientAddress", audit.ClientAddress, DbType.String);
        p.Add("@hash", audit.Hash, DbType.Binary);
    }

    /// <summary>The events' columns as PostgreSQL arrays, element i of each being event i's value.</summary>
    private static void EventArrays(DbParameterCollection p, IReadOnlyList<AuditEvent> events)
    {
        p.Add(new NpgsqlParameter<long[]>("seq", [.. events.Select(e => e.Seq)]));
        p.Add(new NpgsqlParameter<DateTimeOffset[]>("at", [.. events.Select(e => e.At.ToUniversalTime())]));
        p.Add(new NpgsqlParameter<string[]>("type", [.. events.Select(e => e.Type)]));
        p.Add(new NpgsqlParameter<string[]>("actor", [.. events.Select(e => e.Actor)]));
        p.Add(new NpgsqlParameter<Guid?[]>("caseId", [.. events.Select(e => e.CaseId)]));
        p.Add(new NpgsqlParameter<string?[]>("trackingCode", [.. events.Select(e => e.TrackingCode)]));
        p.Add(new NpgsqlParameter<Guid?[]>("instanceId", [.. events.Select(e => e.InstanceId)]));
        p.Add(new NpgsqlParameter<string?[]>("definitionId", [.. events.Select(e => e.DefinitionId)]));
        p.Add(new NpgsqlParameter<int?[]>("definitionVersion", [.. events.Select(e => e.DefinitionVersion)]));
        p.Add(new NpgsqlParameter<string[]>("data", [.. events.Select(e => e.Data)]));
        p.Add(new NpgsqlParameter<string?[]>("clientAddress", [.. events.Select(e => e.ClientAddress)]));
        p.Add(new NpgsqlParameter<byte[][]>("hash", [.. events.Select(e => e.Hash)]));
    }

    private void HeadValues(Parameters p, AuditChainHead head)
    {
        LaneValue(p, head.Id);
        p.Add("@seq", head.Seq, DbType.Int64);
        p.Add("@hash", head.Hash, DbType.Binary);
        p.Add("@at", head.At is { } at ? Instant(at) : null, DbType.DateTimeOffset);
        p.Add("@sealedOn", head.SealedOn is { } day ? Day(day) : null, DbType.Date);
    }

    // The head as the guessed seal leaves it, which its inserts look for.
    private static void AfterGuessValues(Parameters p, AuditChainHead head)
    {
        p.Add("@headSeq", head.Seq, DbType.Int64);
        p.Add("@headHash", head.Hash, DbType.Binary);
    }

    private static void LaneValue(Parameters p, int lane) => p.Add("@lane", lane, DbType.Int32);

    private void CheckpointValues(Parameters p, AuditCheckpoint checkpoint)
    {
        LaneValue(p, checkpoint.Lane);
        p.Add("@day", Day(checkpoint.Day), DbType.Date);
        p.Add("@seq", checkpoint.Seq, DbType.Int64);
        p.Add("@hash", checkpoint.Hash, DbType.Binary);
        p.Add("@at", checkpoint.At is { } at ? Instant(at) : null, DbType.DateTimeOffset);
    }

    // As the SQLite model's converter stores an instant (UTC ticks); PostgreSQL takes the UTC instant as timestamptz.
    private object Instant(DateTimeOffset at) => _sqlite ? at.UtcTicks : at.ToUniversalTime();

    // As EF's SQLite mapping stores a DateOnly (TEXT yyyy-MM-dd); PostgreSQL takes it as date.
    private object Day(DateOnly day) => _sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private static DateOnly Day(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(string)
        ? DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>Adds parameters to a command or a batch command.</summary>
    private readonly struct Parameters(DbParameterCollection parameters, Func<DbParameter> create)
    {
        /// <summary>
        /// A value, or null. The type is given on PostgreSQL only, so a null binds the column's type and the
        /// prepared statement keeps one signature; SQLite stores what the value is, as EF's parameters do.
        /// </summary>
        public void Add(string name, object? value, DbType type)
        {
            var parameter = create();
            parameter.ParameterName = name;
            if (parameter is not SqliteParameter)
            {
                parameter.DbType = type;
            }

            parameter.Value = value ?? DBNull.Value;
            parameters.Add(parameter);
        }
    }
}
