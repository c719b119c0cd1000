using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Infrastructure.Definitions;

namespace Sked.Workflows.Web.Features.Workflows;

/// <summary>
/// GET /api/v1/workflows/{id}/export: a version (the latest unless ?version=N) or the shared draft
/// (?draft=true) as a file in the format of workflows/, for the designer's export button.
/// </summary>
public static class ExportWorkflow
{
    public static RouteGroupBuilder MapWorkflowExport(this RouteGroupBuilder api)
    {
        api.MapGet("/workflows/{id}/export", Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessOwner, Roles.Auditor))
            .WithTags("Workflows");
        return api;
    }

    private static async Task<IResult> Handle(string id, int? version, bool? draft, WorkflowDesign design, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.LatestVersions.ContainsKey(id))
        {
            return NotFound(Message.Of(DefinitionErrors.UnknownWorkflow, id));
        }

        if (draft == true)
        {
            var stored = await design.DraftAsync(id, cancellationToken);
            return stored is null ? NotFound(Message.Of(DefinitionErrors.NoDraft, id)) : File(id, stored.Content);
        }

        // The latest as the database has it: another node may have published since this one cached it.
        var definition = version is { } asked
            ? await design.VersionAsync(id, asked, cancellationToken)
            : (await catalog.LatestAsync(id, cancellationToken)).Definition;
        return definition is null
            ? NotFound(Message.Of(DefinitionErrors.VersionNotFound, version ?? 0, id))
            : File(id, DefinitionJson.Serialize(definition));
    }

    private static IResult File(string id, string json) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"{id}.json");

    private static IResult NotFound(Message title) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Catalogue.Render(title));
}
