using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Definitions;

/// <summary>
/// The published definition versions, compiled once and kept in memory. Running instances ask for
/// their own version; new cases get the latest.
/// </summary>
public sealed partial class DefinitionCatalog(IDbContextFactory<SkedDbContext> dbFactory, PreparedContexts prepared, DepartmentDirectory departments,
    TimeProvider time, ILogger<DefinitionCatalog> logger)
{
    public const string FileSource = "file";

    // Asked on every submission: a plain statement kept prepared on a kept-open connection costs less than
    // renting a pooled context and running EF's query (about 2 % of intake's CPU, issue 11). Columns as the
    // model maps them.
    private const string LatestSql = """SELECT MAX("Version") FROM definition_versions WHERE "DefinitionId" = @id""";

    private readonly ConcurrentDictionary<(string Id, int Version), CompiledWorkflow> _compiled = new();
    private readonly ConcurrentDictionary<string, int> _latest = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> LatestVersions => _latest;

    /// <summary>
    /// The version new cases take. Asked of the database each time (one indexed lookup), so a version
    /// published on another node of the cluster is taken at once here too; compiled versions are cached.
    /// (Not cached: a cache followed by <see cref="Cluster.VersionFollower"/> would let another node's
    /// publish go unseen for up to its 10 s period.)
    /// </summary>
    public async Task<CompiledWorkflow> LatestAsync(string definitionId, CancellationToken cancellationToken)
    {
        object? found;
        await using (var lease = await prepared.RentAsync(cancellationToken))
        {
            using var latest = lease.PreparedCommand(LatestSql).With("@id", definitionId);
            found = await latest.Command.ExecuteScalarAsync(cancellationToken);
        }

        // MAX is an integer on PostgreSQL and a 64-bit integer on SQLite; NULL when no version exists.
        var version = found is null or DBNull
            ? throw new InvalidOperationException($"no published definition '{definitionId}'.")
            : Convert.ToInt32(found, CultureInfo.InvariantCulture);
        _latest[definitionId] = version;
        return await GetAsync(definitionId, version, cancellationToken);
    }

    public async Task<CompiledWorkflow> GetAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((definitionId, version), out var compiled))
        {
            return compiled;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.DefinitionVersions.AsNoTracking()
            .SingleAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        return Compile(stored.Content, $"{definitionId} v{version}", version);
    }

    /// <summary>
    /// Publishes every file under the folder whose content differs from the latest stored version.
    /// An invalid file stops the start-up with the file, node and reason.
    /// </summary>
    public async Task SyncFromFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"no workflow definitions found in '{folder}'.");
        }

        var errors = new List<DefinitionError>();
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var definition = DefinitionJson.TryParse(json, Path.GetFileName(file), out var parseError);
            if (definition is null)
            {
                errors.Add(parseError!);
                continue;
            }

            var expectedId = Path.GetFileNameWithoutExtension(file);
            if (definition.Id != expectedId || !Domain.Cases.CaseTypes.IsKnown(definition.Id))
            {
                errors.Add(new DefinitionError(Path.GetFileName(file), null, DefinitionErrors.IdNotFileName, definition.Id, Path.GetFileName(file)));
                continue;
            }

            var found = DefinitionValidator.Validate(definition, Path.GetFileName(file), departments.ByCode);
            if (found.Count > 0)
            {
                errors.AddRange(found);
                continue;
            }

            await PublishIfChangedAsync(definition, json, FileSource, "system", cancellationToken);
        }

        if (errors.Count > 0)
        {
            throw new InvalidDefinitionException(errors);
        }
    }

    /// <summary>
    /// Stores the definition as a new version unless the latest already has this content. With
    /// <paramref name="expectedLatest"/>, throws <see cref="SupersededVersionException"/> if another
    /// version was published after the one the edit started from.
    /// </summary>
    public Task<DefinitionVersion?> PublishIfChangedAsync(WorkflowDefinition definition, string json, string source, string publishedBy, CancellationToken cancellationToken, int? expectedLatest = null) =>
        PublishIfChangedAsync(new PublishRequest(definition, json, source, publishedBy, ExpectedLatest: expectedLatest), cancellationToken);

    /// <summary>
    /// Stores the definition as a new version unless the latest already has this content; the version,
    /// its definition.published event and whatever <see cref="PublishRequest.Alongside"/> adds commit
    /// in one transaction, and new cases take the version as soon as it has committed.
    /// </summary>
    internal async Task<DefinitionVersion?> PublishIfChangedAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var (definition, json, source, publishedBy) = (request.Definition, request.Json, request.Source, request.PublishedBy);
        var hash = DefinitionJson.ContentHash(json);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The version and its definition.published event commit together (and the event is chained).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == definition.Id).OrderByDescending(d => d.Version);
        var latest = await versions.FirstOrDefaultAsync(cancellationToken);
        // A file counts as changed only against what was last published from the file, so a version
        // published in the app (admin, designer) is not overwritten by an untouched file at start-up.
        if (request.ExpectedLatest is { } expected && (latest?.Version ?? 0) != expected)
        {
            // The owner reviewed the change against a version that is no longer the latest.
            throw new SupersededVersionException(definition.Id, expected, latest?.Version ?? 0);
        }

        var compareWith = source == FileSource ? await versions.FirstOrDefaultAsync(d => d.Source == FileSource, cancellationToken) : latest;
        if (compareWith?.ContentHash == hash || latest?.ContentHash == hash || (request.CompareParsed && SameDefinition(latest, json)))
        {
            _latest[definition.Id] = latest!.Version;
            return null;
        }

        var version = new DefinitionVersion
        {
            DefinitionId = definition.Id,
            Version = (latest?.Version ?? 0) + 1,
            Name = definition.Name,
            ContentHash = hash,
            Content = json,
            PublishedAt = time.GetUtcNow(),
            PublishedBy = publishedBy,
            Source = source,
            RestoredFrom = request.RestoredFrom,
        };
        db.DefinitionVersions.Add(version);
        var published = new Engine.Audit.Events.DefinitionPublished(hash, source, latest?.Version, request.RestoredFrom);
        db.AuditEvents.Add(new Audit.AuditEvent(published, publishedBy)
        {
            At = version.PublishedAt,
            DefinitionId = version.DefinitionId,
            DefinitionVersion = version.Version,
        });
        if (request.Alongside is not null)
        {
            await request.Alongside(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _latest[definition.Id] = version.Version;
        LogPublished(logger, version.DefinitionId, version.Version, source);
        return version;
    }

    /// <summary>Whether the stored version holds the same definition as the JSON, whatever its layout (a file's text against the designer's).</summary>
    private static bool SameDefinition(DefinitionVersion? stored, string json)
    {
        if (stored is null)
        {
            return false;
        }

        var parsed = DefinitionJson.TryParse(stored.Content, null, out _);
        var candidate = DefinitionJson.TryParse(json, null, out _);
        return parsed is not null && candidate is not null
            && string.Equals(DefinitionJson.Serialize(parsed), DefinitionJson.Serialize(candidate), StringComparison.Ordinal);
    }

    private CompiledWorkflow Compile(string json, string name, int version)
    {
        var definition = DefinitionJson.TryParse(json, name, out var error) ?? throw new InvalidDefinitionException([error!]);
        // Stored versions were valid when published; departments removed since must not stop old cases.
        var errors = DefinitionValidator.Validate(definition, name, version, departments: null, out var compiled);
        if (compiled is null)
        {
            throw new InvalidDefinitionException(errors);
        }

        return _compiled.GetOrAdd((definition.Id, version), compiled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published workflow {DefinitionId} v{Version} from {Source}")]
    private static partial void LogPublished(ILogger logger, string definitionId, int version, string source);
}

/// <summary>What <see cref="DefinitionCatalog.PublishIfChangedAsync(PublishRequest, CancellationToken)"/> stores.</summary>
/// <param name="Definition">The parsed definition (its id names the workflow).</param>
/// <param name="Json">The text stored as the version's content.</param>
/// <param name="Source">file, admin, designer or rollback.</param>
/// <param name="PublishedBy">The acting user's name ("system" for the file sync).</param>
/// <param name="RestoredFrom">For a rollback: the version whose content is published again.</param>
/// <param name="CompareParsed">Count the content as unchanged when it parses to the same definition as the latest, not only when the text is the same.</param>
/// <param name="Alongside">More changes to commit in the same transaction, only when a version is published.</param>
/// <param name="ExpectedLatest">When set, publish only if this is still the latest version (checked in the transaction).</param>
internal sealed record PublishRequest(
    WorkflowDefinition Definition,
    string Json,
    string Source,
    string PublishedBy,
    int? RestoredFrom = null,
    bool CompareParsed = false,
    Func<SkedDbContext, CancellationToken, Task>? Alongside = null,
    int? ExpectedLatest = null);

/// <summary>A publish was refused because another version was published after the one it was reviewed against.</summary>
public sealed class SupersededVersionException(string definitionId, int expected, int latest)
    : Exception($"'{definitionId}' was reviewed against version {expected}, but version {latest} has been published since.")
{
    public int Latest { get; } = latest;
}
