using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.DryRun;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Definitions;

/// <summary>
/// The designer's back end: a workflow's published versions, its one shared draft, publishing
/// (validated, in one transaction with its audit event and the draft's removal), rollback, and the
/// recent real cases a draft can be dry-run against.
/// </summary>
public sealed class WorkflowDesign(IDbContextFactory<SkedDbContext> dbFactory, DefinitionCatalog catalog, DepartmentDirectory departments, TimeProvider time)
{
    public const string DesignerSource = "designer";
    public const string RollbackSource = "rollback";
    public const string AdminSource = "admin";

    /// <summary>The most recent cases a dry run may replay at once.</summary>
    public const int MaxRecentCases = 200;

    /// <summary>Every published version of the workflow, newest first.</summary>
    public async Task<IReadOnlyList<PublishedVersion>> VersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(d => new PublishedVersion(d.Version, d.Name, d.PublishedAt, d.PublishedBy, d.Source, d.ContentHash, d.RestoredFrom))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The content of one published version, or null when there is no such version.</summary>
    public async Task<WorkflowDefinition?> VersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var content = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Version == version)
            .Select(d => d.Content)
            .SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : DefinitionJson.TryParse(content, $"{definitionId} v{version}", out _);
    }

    /// <summary>The workflow's draft, or null when nobody has saved one since the last publish or discard.</summary>
    public async Task<WorkflowDraft?> DraftAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        return draft is null ? null : ToDraft(draft);
    }

    /// <summary>
    /// Saves the draft over the workflow's previous one. A draft need not validate (it is work in
    /// progress), but it must be a draft of this workflow: otherwise nothing is saved and the error says why.
    /// </summary>
    public async Task<DraftSaveResult> SaveDraftAsync(string definitionId, WorkflowDefinition draft, int basedOnVersion, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!string.Equals(draft.Id, definitionId, StringComparison.Ordinal))
        {
            return new DraftSaveResult(null, [IdMismatch(definitionId, draft.Id)]);
        }

        var content = DefinitionJson.Serialize(draft);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The draft and its audit event commit together (the chain is sealed inside a transaction).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Drafts.SingleOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        if (stored is null)
        {
            stored = new DefinitionDraft { DefinitionId = definitionId, Content = content, SavedBy = user };
            db.Drafts.Add(stored);
        }

        stored.Content = content;
        stored.BasedOnVersion = basedOnVersion;
        stored.SavedBy = user;
        stored.SavedAt = now;
        db.AuditEvents.Add(new AuditEvent(new Engine.Audit.Events.DefinitionDraftSaved(basedOnVersion, DefinitionJson.ContentHash(content)), user)
        {
            At = now,
            DefinitionId = definitionId,
            DefinitionVersion = basedOnVersion,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DraftSaveResult(ToDraft(stored), []);
    }

    /// <summary>Throws the workflow's draft away; false when there was none (and then nothing is recorded).</summary>
    public async Task<bool> DiscardDraftAsync(string definitionId, string user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The draft and its audit event commit together (the chain is sealed inside a transaction).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Drafts.SingleOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        db.Drafts.Remove(stored);
        db.AuditEvents.Add(new AuditEvent(new Engine.Audit.Events.DefinitionDraftDiscarded(stored.BasedOnVersion, DefinitionJson.ContentHash(stored.Content)), user)
        {
            At = time.GetUtcNow(),
            DefinitionId = definitionId,
            DefinitionVersion = stored.BasedOnVersion,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Publishes the definition as the workflow's next version, which new cases take at once (running
    /// ones stay on theirs). Refused with the errors, and nothing stored, when it does not validate or
    /// is not this workflow's; <see cref="PublishResult.Unchanged"/> when it equals the latest version.
    /// On success the version, its definition.published event and the removal of the draft commit together.
    /// With <paramref name="expectedLatest"/> (the version the owner compared with) it publishes only
    /// while that is still the latest: otherwise nothing is stored and <see cref="PublishResult.SupersededBy"/>
    /// names the newer version. <paramref name="restoredFrom"/> marks a rollback.
    /// </summary>
    public Task<PublishResult> PublishAsync(string definitionId, WorkflowDefinition definition, string user, int? restoredFrom, int? expectedLatest,
        CancellationToken cancellationToken) =>
        PublishAsync(definitionId, definition, user, restoredFrom is null ? DesignerSource : RollbackSource, restoredFrom, expectedLatest, cancellationToken);

    /// <inheritdoc cref="PublishAsync(string, WorkflowDefinition, string, int?, int?, CancellationToken)"/>
    /// <remarks>The source is what the version history records: designer, rollback or admin. The admin's
    /// routing table leaves the designer's shared draft alone; the designer's publish removes it.</remarks>
    public async Task<PublishResult> PublishAsync(string definitionId, WorkflowDefinition definition, string user, string source, int? restoredFrom,
        int? expectedLatest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!string.Equals(definition.Id, definitionId, StringComparison.Ordinal) || !CaseTypes.IsKnown(definitionId))
        {
            return PublishResult.Refused([IdMismatch(definitionId, definition.Id)]);
        }

        var errors = DefinitionValidator.Validate(definition, definitionId, departments.ByCode);
        if (errors.Count > 0)
        {
            return PublishResult.Refused(errors);
        }

        var request = new PublishRequest(definition, DefinitionJson.Serialize(definition), source, user,
            restoredFrom, CompareParsed: true, Alongside: source == AdminSource ? null : DeleteDraftAsync, ExpectedLatest: expectedLatest);
        try
        {
            var published = await catalog.PublishIfChangedAsync(request, cancellationToken);
            return published is null ? PublishResult.NoChange : PublishResult.Published(published.Version);
        }
        catch (SupersededVersionException ex)
        {
            return PublishResult.Superseded(ex.Latest);
        }
        catch (DbUpdateException) when (expectedLatest is not null)
        {
            // Two owners published at the same moment: the other took the version number.
            return PublishResult.Superseded(expectedLatest.Value + 1);
        }

        async Task DeleteDraftAsync(SkedDbContext db, CancellationToken ct) =>
            db.Drafts.RemoveRange(await db.Drafts.Where(d => d.DefinitionId == definitionId).ToListAsync(ct));
    }

    /// <inheritdoc cref="PublishAsync(string, WorkflowDefinition, string, int?, int?, CancellationToken)"/>
    public Task<PublishResult> PublishAsync(string definitionId, WorkflowDefinition definition, string user, CancellationToken cancellationToken) =>
        PublishAsync(definitionId, definition, user, restoredFrom: null, expectedLatest: null, cancellationToken);

    /// <summary>
    /// Publishes an earlier version's content again as a new version (source "rollback", restoredFrom
    /// that version). Refused when there is no such version or it no longer validates (a department removed since).
    /// </summary>
    public Task<PublishResult> RollbackAsync(string definitionId, int version, string user, CancellationToken cancellationToken) =>
        RollbackAsync(definitionId, version, user, expectedLatest: null, cancellationToken);

    /// <inheritdoc cref="RollbackAsync(string, int, string, CancellationToken)"/>
    public async Task<PublishResult> RollbackAsync(string definitionId, int version, string user, int? expectedLatest, CancellationToken cancellationToken)
    {
        var definition = await VersionAsync(definitionId, version, cancellationToken);
        if (definition is null)
        {
            return PublishResult.Refused([new DefinitionError(definitionId, null, DefinitionErrors.NoSuchVersion, version, definitionId)]);
        }

        return await PublishAsync(definitionId, definition, user, restoredFrom: version, expectedLatest, cancellationToken);
    }

    /// <summary>
    /// The last <paramref name="count"/> cases (at most <see cref="MaxRecentCases"/>) that run on the
    /// workflow, newest first, each as its history recorded it and with the version it ran on.
    /// </summary>
    public async Task<IReadOnlyList<(RecordedCase Case, WorkflowDefinition RanOn)>> RecentCasesAsync(string definitionId, int count, CancellationToken cancellationToken)
    {
        count = Math.Min(count, MaxRecentCases);
        if (count <= 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId)
            .Join(db.Cases.AsNoTracking(), i => i.CaseId, c => c.Id, (i, c) => new { Instance = i, Case = c })
            .OrderByDescending(r => r.Case.CreatedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var instanceIds = rows.Select(r => r.Instance.Id).ToList();
        var caseIds = rows.Select(r => r.Case.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => instanceIds.Contains(t.InstanceId) && t.Status == HumanTaskStatus.Completed)
            .ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking()
            .Where(t => instanceIds.Contains(t.InstanceId) && t.Kind == TimerKind.Wait && t.FiredAt != null)
            .ToListAsync(cancellationToken);
        // By case id, which the audit table is indexed on; the instance id then picks this instance's events.
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.CaseId != null && caseIds.Contains(a.CaseId.Value) && (a.Type == AuditEvents.NameOf<NodeEntered>() || a.Type == AuditEvents.NameOf<CaseFieldChanged>()))
            .InTimeOrder()
            .Select(a => new { a.CaseId, a.InstanceId, a.Type, a.Data })
            .ToListAsync(cancellationToken);

        var tasksByInstance = tasks.ToLookup(t => t.InstanceId);
        var timersByInstance = timers.ToLookup(t => t.InstanceId);
        var eventsByCase = events.ToLookup(e => e.CaseId!.Value, e => (e.InstanceId, e.Type, e.Data));
        var result = new List<(RecordedCase, WorkflowDefinition)>(rows.Count);
        foreach (var row in rows)
        {
            var instance = row.Instance;
            var recorded = Record(row.Case, instance, tasksByInstance[instance.Id], timersByInstance[instance.Id], eventsByCase[row.Case.Id]);
            var ranOn = await catalog.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            result.Add((recorded, ranOn.Definition));
        }

        return result;
    }

    private static RecordedCase Record(CaseFile stored, WorkflowInstance instance, IEnumerable<HumanTask> tasks, IEnumerable<WorkflowTimer> timers,
        IEnumerable<(Guid? InstanceId, string Type, string Data)> events)
    {
        var caseEvents = events.ToList();
        var path = caseEvents
            .Where(e => e.InstanceId == instance.Id)
            .Select(e => AuditEvents.Read(e.Type, e.Data))
            .OfType<NodeEntered>()
            .Select(e => e.Node)
            .ToList();
        // A task's form may bind case.category; the first change still knows what the citizen chose.
        var categoryChange = caseEvents.Select(e => AuditEvents.Read(e.Type, e.Data)).OfType<CaseFieldChanged>()
            .FirstOrDefault(e => string.Equals(e.Field, "case.category", StringComparison.Ordinal));
        var category = categoryChange is null ? stored.Category : categoryChange.Before;
        var steps = tasks
            .Where(t => t.CompletedAt is not null)
            .Select(t => (RecordedStep)new RecordedTaskCompletion(t.NodeId, t.CompletedAt!.Value, t.Outcome ?? string.Empty,
                new Dictionary<string, string>(t.Data, StringComparer.Ordinal), t.CompletedBy ?? string.Empty))
            .Concat(timers.Select(t => new RecordedTimerFired(t.NodeId, t.FiredAt!.Value)))
            .OrderBy(s => s.At)
            .ToList();
        return new RecordedCase(AsSubmitted(stored, category), instance.DefinitionVersion, steps, path, instance.Status);
    }

    /// <summary>A fresh case as the citizen (or the secretariat) submitted it: none of what the workflow did to it since.</summary>
    private static CaseFile AsSubmitted(CaseFile stored, string? category) => new()
    {
        TrackingCode = stored.TrackingCode,
        Type = stored.Type,
        Subject = stored.Subject,
        Body = stored.Body,
        Citizen = new CitizenContact
        {
            Name = stored.Citizen.Name,
            NationalCode = stored.Citizen.NationalCode,
            Mobile = stored.Citizen.Mobile,
            Email = stored.Citizen.Email,
        },
        Category = category,
        AnswerType = stored.AnswerType,
        Latitude = stored.Latitude,
        Longitude = stored.Longitude,
        Address = stored.Address,
        Anonymous = stored.Anonymous,
        LetterNumber = stored.LetterNumber,
        LetterDate = stored.LetterDate,
        CreatedAt = stored.CreatedAt,
    };

    private static DefinitionError IdMismatch(string definitionId, string actual) =>
        new(definitionId, null, DefinitionErrors.IdMismatch, actual, definitionId);

    private static WorkflowDraft ToDraft(DefinitionDraft draft) =>
        new(draft.DefinitionId, DefinitionJson.TryParse(draft.Content, draft.DefinitionId, out _), draft.Content, draft.BasedOnVersion, draft.SavedBy, draft.SavedAt);
}

/// <summary>One published version as the designer lists it; <paramref name="RestoredFrom"/> is set when it was a rollback.</summary>
public sealed record PublishedVersion(int Version, string Name, DateTimeOffset PublishedAt, string PublishedBy, string Source, string ContentHash, int? RestoredFrom);

/// <summary>
/// The workflow's shared draft. <paramref name="Definition"/> is null only when the stored text no
/// longer reads as a definition (the model changed since it was saved); <paramref name="Content"/> still has it.
/// </summary>
public sealed record WorkflowDraft(string DefinitionId, WorkflowDefinition? Definition, string Content, int BasedOnVersion, string SavedBy, DateTimeOffset SavedAt);

/// <summary>The saved draft, or (when nothing was saved) the errors that say why.</summary>
public sealed record DraftSaveResult(WorkflowDraft? Draft, IReadOnlyList<DefinitionError> Errors)
{
    public bool Saved => Draft is not null;
}

/// <summary>
/// What a publish did: the new <see cref="Version"/>; or nothing, because the content equals the
/// latest version (<see cref="Unchanged"/>) or because of <see cref="Errors"/>.
/// </summary>
public sealed record PublishResult(int? Version, IReadOnlyList<DefinitionError> Errors)
{
    public static PublishResult NoChange { get; } = new(null, []);

    public bool Unchanged => Version is null && Errors.Count == 0;

    public static PublishResult Published(int version) => new(version, []);

    public static PublishResult Refused(IReadOnlyList<DefinitionError> errors) => new(null, errors);

    /// <summary>Nothing stored: version <paramref name="latest"/> was published after the one the change was reviewed against.</summary>
    public static PublishResult Superseded(int latest) =>
        new(null, [new DefinitionError(null, null, DefinitionErrors.Superseded, latest)]) { SupersededBy = latest };

    public int? SupersededBy { get; init; }
}
