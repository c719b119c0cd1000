using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Workflows;

/// <summary>
/// Publish a definition as a workflow's next version, which new cases take at once. The designer's
/// publish and rollback, the admin's routing table and POST /api/v1/workflows/{id}/versions all call
/// <see cref="Handler"/>; the rules themselves (validation, the workflow's own id, superseded, one
/// transaction with definition.published) are <see cref="WorkflowDesign.PublishAsync(string, WorkflowDefinition, string, string, int?, int?, CancellationToken)"/>.
/// </summary>
public static class PublishDefinition
{
    /// <param name="WorkflowId">The workflow (case type) the version is for.</param>
    /// <param name="Definition">What to publish; null for a rollback, which publishes <paramref name="RestoredFrom"/>'s content.</param>
    /// <param name="ReviewedAgainst">The latest version when the change was reviewed: if another was published since, nothing is.</param>
    /// <param name="Source">What the version history records: <see cref="WorkflowDesign.DesignerSource"/>,
    /// <see cref="WorkflowDesign.RollbackSource"/> or <see cref="WorkflowDesign.AdminSource"/>.</param>
    /// <param name="RestoredFrom">For a rollback: the version published again.</param>
    public sealed record Request(string WorkflowId, WorkflowDefinition? Definition, int ReviewedAgainst, string Source, int? RestoredFrom = null)
    {
        public static Request Designer(string workflowId, WorkflowDefinition definition, int reviewedAgainst) =>
            new(workflowId, definition, reviewedAgainst, WorkflowDesign.DesignerSource);

        public static Request Rollback(string workflowId, int version, int reviewedAgainst) =>
            new(workflowId, null, reviewedAgainst, WorkflowDesign.RollbackSource, version);

        public static Request Admin(string workflowId, WorkflowDefinition definition, int reviewedAgainst) =>
            new(workflowId, definition, reviewedAgainst, WorkflowDesign.AdminSource);
    }

    public enum OutcomeKind
    {
        Published,
        Unchanged,
        Refused,
        Superseded,
        NotFound,
        Forbidden,
    }

    /// <summary>
    /// What publishing came to. <see cref="Version"/> is the new version when published, the newer
    /// one when superseded; <see cref="Errors"/> say why it was refused (a superseded publish carries
    /// its <see cref="DefinitionErrors.Superseded"/> error).
    /// </summary>
    public sealed record Outcome(OutcomeKind Kind, int? Version, IReadOnlyList<DefinitionError> Errors)
    {
        public IEnumerable<Message> Messages => Errors.Select(e => e.Message);

        internal static Outcome From(PublishResult result) =>
            result.SupersededBy is { } newer ? new(OutcomeKind.Superseded, newer, result.Errors)
            : result.Errors.Count > 0 ? new(OutcomeKind.Refused, null, result.Errors)
            : result.Version is { } version ? new(OutcomeKind.Published, version, [])
            : new(OutcomeKind.Unchanged, null, []);
    }

    public sealed class Handler(WorkflowDesign design, DefinitionCatalog catalog)
    {
        public async Task<Outcome> HandleAsync(Request request, StaffMember staff, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(staff);
            if (!catalog.LatestVersions.ContainsKey(request.WorkflowId))
            {
                return new Outcome(OutcomeKind.NotFound, null, [new DefinitionError(null, null, DefinitionErrors.UnknownWorkflow, request.WorkflowId)]);
            }

            if (!MayPublish(staff, request.Source))
            {
                return new Outcome(OutcomeKind.Forbidden, null, []);
            }

            var result = request.Definition is null
                ? await design.RollbackAsync(request.WorkflowId, request.RestoredFrom ?? 0, staff.UserName, request.ReviewedAgainst, cancellationToken)
                : await design.PublishAsync(request.WorkflowId, request.Definition, staff.UserName, request.Source, request.RestoredFrom, request.ReviewedAgainst,
                    cancellationToken);
            return Outcome.From(result);
        }

        // Process owners design workflows; admins only edit the routing tables (from their page).
        private static bool MayPublish(StaffMember staff, string source) => source switch
        {
            WorkflowDesign.DesignerSource or WorkflowDesign.RollbackSource => staff.IsIn(Roles.ProcessOwner),
            WorkflowDesign.AdminSource => staff.IsIn(Roles.Admin),
            _ => false,
        };
    }

    /// <summary>
    /// POST /api/v1/workflows/{id}/versions?reviewedAgainst=N with a definition as exported in the body:
    /// 201 {version}; 200 {version, unchanged: true}; 400 with Persian errors by node; 409 superseded; 404 unknown workflow.
    /// </summary>
    public static RouteGroupBuilder MapPublishDefinition(this RouteGroupBuilder api)
    {
        api.MapPost("/workflows/{id}/versions", HandleHttpAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessOwner))
            .Accepts<string>("application/json")
            .WithTags("Workflows");
        return api;
    }

    private static async Task<IResult> HandleHttpAsync(string id, int? reviewedAgainst, HttpContext http, Handler handler, CancellationToken cancellationToken)
    {
        if (reviewedAgainst is null)
        {
            return Invalid([new DefinitionError(null, null, DefinitionErrors.ReviewedAgainstRequired)]);
        }

        using var reader = new StreamReader(http.Request.Body);
        var definition = DefinitionJson.TryParse(await reader.ReadToEndAsync(cancellationToken), null, out var unreadable);
        if (definition is null)
        {
            return Invalid([unreadable!]);
        }

        var outcome = await handler.HandleAsync(new Request(id, definition, reviewedAgainst.Value, WorkflowDesign.DesignerSource), http.Member(), cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Published => Results.Created($"/api/v1/workflows/{id}/versions/{outcome.Version}", new { version = outcome.Version }),
            OutcomeKind.Unchanged => Results.Ok(new { version = reviewedAgainst.Value, unchanged = true }),
            OutcomeKind.Refused => Invalid(outcome.Errors),
            OutcomeKind.Superseded => Problem(StatusCodes.Status409Conflict, outcome.Errors[0].Message, outcome.Version),
            OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, outcome.Errors[0].Message),
            _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden),
        };
    }

    /// <summary>400 whose errors are keyed by node id, or "definition" for the workflow as a whole.</summary>
    private static IResult Invalid(IReadOnlyList<DefinitionError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.NodeId ?? "definition", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => Catalogue.Render(e.Message)).ToArray(), StringComparer.Ordinal),
            title: Catalogue.Render(DefinitionErrors.PublishRefused));

    private static IResult Problem(int status, Message message, int? latest = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = message.Code };
        if (latest is not null)
        {
            extensions["latestVersion"] = latest;
        }

        return Results.Problem(statusCode: status, title: Catalogue.Render(message), extensions: extensions);
    }
}
