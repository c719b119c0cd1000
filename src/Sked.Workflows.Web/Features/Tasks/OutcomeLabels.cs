using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// The Persian captions of finished tasks' outcomes, from the node of the definition version each
/// case ran on (the done list says «ارجاع به واحد», not "route"). One query for the page's instances;
/// the compiled definitions are cached by the catalogue.
/// </summary>
public sealed class OutcomeLabels(IDbContextFactory<SkedDbContext> dbFactory, DefinitionCatalog definitions)
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        var finished = rows.Where(r => r.Outcome is not null).ToList();
        if (finished.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instanceIds = finished.Select(r => r.InstanceId).Distinct().ToList();
        var versions = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.DefinitionId, i.DefinitionVersion), cancellationToken);
        var labels = new Dictionary<Guid, string>();
        foreach (var row in finished)
        {
            if (versions.TryGetValue(row.InstanceId, out var version))
            {
                var workflow = await definitions.GetAsync(version.DefinitionId, version.DefinitionVersion, cancellationToken);
                var node = workflow.Node(row.Step).PropertiesAs<HumanTaskNode.Props>();
                labels[row.TaskId] = node.Outcomes.Find(o => o.Name == row.Outcome)?.Label ?? row.Outcome!;
            }
        }

        return labels;
    }
}
