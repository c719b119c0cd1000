using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.DryRun;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Workflows;

namespace Sked.Workflows.Web.Features.StaffArea.Designer;

/// <summary>
/// What the designer page does with the store: load a workflow with its draft and versions, save,
/// publish and roll back as the signed-in process owner, and dry-run a draft on recorded cases.
/// </summary>
public sealed class DesignerWorkspace(
    WorkflowDesign design,
    DefinitionCatalog catalog,
    DepartmentDirectory departments,
    IOptions<EngineOptions> engine,
    StaffSession session,
    PublishDefinition.Handler publish)
{
    public IEnumerable<KeyValuePair<string, int>> Published => catalog.LatestVersions.OrderBy(w => w.Key, StringComparer.Ordinal);

    public async Task<DesignerState?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!catalog.LatestVersions.ContainsKey(id))
        {
            return null;
        }

        var latest = await catalog.LatestAsync(id, cancellationToken);
        var versions = await design.VersionsAsync(id, cancellationToken);
        var draft = await design.DraftAsync(id, cancellationToken);
        return new DesignerState(id, latest.Version, latest.Definition, draft?.Definition is null ? null : draft, versions);
    }

    public Task<WorkflowDefinition?> VersionAsync(string id, int version, CancellationToken cancellationToken) =>
        design.VersionAsync(id, version, cancellationToken);

    public async Task SaveDraftAsync(string id, WorkflowDefinition draft, int basedOnVersion, CancellationToken cancellationToken) =>
        await design.SaveDraftAsync(id, draft, basedOnVersion, await UserAsync(), cancellationToken);

    public async Task DiscardDraftAsync(string id, CancellationToken cancellationToken) =>
        await design.DiscardDraftAsync(id, await UserAsync(), cancellationToken);

    /// <summary>
    /// Publishes what the owner reviewed against <paramref name="reviewedAgainst"/>; if a colleague
    /// published since (on any node), nothing is stored and the owner is asked to compare again.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(string id, WorkflowDefinition definition, int reviewedAgainst, CancellationToken cancellationToken) =>
        PublishOutcome.From(await publish.HandleAsync(PublishDefinition.Request.Designer(id, definition, reviewedAgainst), await OwnerAsync(), cancellationToken));

    public async Task<PublishOutcome> RollbackAsync(string id, int version, int reviewedAgainst, CancellationToken cancellationToken) =>
        PublishOutcome.From(await publish.HandleAsync(PublishDefinition.Request.Rollback(id, version, reviewedAgainst), await OwnerAsync(), cancellationToken));

    /// <summary>Replays the last <paramref name="count"/> cases of the workflow on the draft; nothing is written.</summary>
    public async Task<DryRunReport> DryRunAsync(string id, WorkflowDefinition draft, int count, CancellationToken cancellationToken)
    {
        var errors = DefinitionValidator.Validate(draft, id, 0, departments.ByCode, out var compiled);
        if (compiled is null)
        {
            return new DryRunReport([], new Dictionary<string, string>(StringComparer.Ordinal), errors);
        }

        var environment = new EngineEnvironment(departments.ByCode, engine.Value.ToLimits());
        var cases = await design.RecentCasesAsync(id, count, cancellationToken);
        var results = cases.Select(c => DryRunner.Replay(compiled, c.RanOn, c.Case, environment)).ToList();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in cases.SelectMany(c => c.RanOn.Nodes).Concat(draft.Nodes))
        {
            labels[node.Id] = string.IsNullOrWhiteSpace(node.Label) ? node.Id : node.Label;
        }

        return new DryRunReport(results, labels, []);
    }

    // The page offers changes to process owners only; this refuses them to anyone else all the same,
    // whatever reaches the circuit.
    private async Task<string> UserAsync() => (await OwnerAsync()).UserName;

    private async Task<StaffMember> OwnerAsync()
    {
        var member = await session.MemberAsync();
        return member.IsIn(Roles.ProcessOwner)
            ? member
            : throw new UnauthorizedAccessException($"{member.UserName} is not a process owner and may not change workflows.");
    }
}

/// <summary>A workflow as the designer opens it: its latest version, the shared draft if any, and the history.</summary>
public sealed record DesignerState(string Id, int LatestVersion, WorkflowDefinition Latest, WorkflowDraft? Draft, IReadOnlyList<PublishedVersion> Versions);

/// <summary>What a publish or rollback came to: the new version, nothing (unchanged), or the validator's errors.</summary>
public sealed record PublishOutcome(int? Version, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>A superseded publish already carries its <see cref="DefinitionErrors.Superseded"/> error.</summary>
    public static PublishOutcome From(PublishDefinition.Outcome outcome) =>
        new(outcome.Kind == PublishDefinition.OutcomeKind.Published ? outcome.Version : null, outcome.Errors);
}

public sealed record DryRunReport(IReadOnlyList<DryRunResult> Results, IReadOnlyDictionary<string, string> NodeLabels, IReadOnlyList<DefinitionError> Errors);
