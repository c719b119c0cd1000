using System.Text.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Workflows;

namespace Sked.Workflows.Web.Features.StaffArea.Admin;

/// <summary>
/// The auto-routing rule tables of the published workflows. Saving publishes a new version of that
/// workflow (checked by the engine's own validator); running cases stay on theirs.
/// </summary>
public sealed class RoutingRules(DefinitionCatalog definitions, PublishDefinition.Handler publish)
{
    public async Task<List<RoutingTable>> LoadAsync(CancellationToken cancellationToken)
    {
        var tables = new List<RoutingTable>();
        foreach (var id in definitions.LatestVersions.Keys.Order(StringComparer.Ordinal))
        {
            var workflow = await definitions.LatestAsync(id, cancellationToken);
            foreach (var node in workflow.Nodes.Where(n => n.Type is AutoRouteNode))
            {
                var properties = node.PropertiesAs<AutoRouteNode.Props>();
                tables.Add(new RoutingTable(id, workflow.Definition.Name, workflow.Version, node.Id, properties.DefaultDepartment,
                    properties.Rules.Select(r => new RoutingRow
                    {
                        Type = r.Type,
                        Category = r.Category,
                        Region = r.Region,
                        Keywords = string.Join(KeywordSeparator, r.Keywords),
                        Department = r.Department,
                    }).ToList()));
            }
        }

        return tables;
    }

    /// <summary>Publishes the edited table as a new version; returns the validator's messages if it does not hold.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(RoutingTable table, StaffMember admin, CancellationToken cancellationToken)
    {
        var workflow = await definitions.GetAsync(table.DefinitionId, table.Version, cancellationToken);
        var root = JsonSerializer.SerializeToNode(workflow.Definition, DefinitionJson.Options)!.AsObject();
        var node = root["nodes"]!.AsArray().Select(n => n!.AsObject()).Single(n => n["id"]!.GetValue<string>() == table.NodeId);
        node["properties"] = JsonSerializer.SerializeToNode(new AutoRouteNode.Props
        {
            DefaultDepartment = table.DefaultDepartment,
            Rules = table.Rules.Select(r => new AutoRouteNode.Rule
            {
                Type = Blank(r.Type),
                Category = Blank(r.Category),
                Region = Blank(r.Region),
                Keywords = (r.Keywords ?? string.Empty).Split([ArabicComma, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                Department = r.Department ?? string.Empty,
            }).ToList(),
        }, DefinitionJson.Options);
        var json = root.ToJsonString(DefinitionJson.Options);
        var definition = DefinitionJson.TryParse(json, table.DefinitionId, out var parseError);
        if (definition is null)
        {
            return [Catalogue.Render(parseError!.Message)];
        }

        // The table was read from its version: publishing over a newer one (say, from the designer)
        // would silently undo that change.
        var outcome = await publish.HandleAsync(PublishDefinition.Request.Admin(table.DefinitionId, definition, table.Version), admin, cancellationToken);
        return outcome.Kind switch
        {
            PublishDefinition.OutcomeKind.Superseded =>
                [Catalogue.Render(Superseded, Components.Display.Persian.Ordinal(outcome.Version!.Value))],
            _ => outcome.Messages.Select(Catalogue.Render).ToList(),
        };
    }

    /// <summary>{0} the newer version: the table was read before a colleague published.</summary>
    public const string Superseded = "routing.superseded";

    // Keywords are typed and shown separated by the Persian comma (U+060C); a Latin comma works too.
    private const char ArabicComma = '\u060C';
    private const string KeywordSeparator = "\u060C ";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record RoutingTable(string DefinitionId, string Name, int Version, string NodeId, string DefaultDepartment, List<RoutingRow> Rules)
{
    public string DefaultDepartment { get; set; } = DefaultDepartment;
}

public sealed class RoutingRow
{
    public string? Type { get; set; }
    public string? Category { get; set; }
    public string? Region { get; set; }
    public string? Keywords { get; set; }
    public string? Department { get; set; }
}
