using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Incidents;

/// <summary>
/// An operator runs a failed node again (the answer to an incident); 409 when the instance has no
/// failed step. POST /api/v1/incidents/{instanceId}/retry calls <see cref="Handler"/>.
/// </summary>
public static class RetryIncident
{
    public sealed class Handler(EngineRunner runner)
    {
        public Task<WorkflowResult> HandleAsync(Guid instanceId, Actor operatorActor, CancellationToken cancellationToken) =>
            runner.RunAsync(step => step.SignalAsync(instanceId, operatorActor, new RetrySignal(operatorActor.Name), cancellationToken), cancellationToken);
    }

    public static RouteGroupBuilder MapRetryIncident(this RouteGroupBuilder incidents)
    {
        incidents.MapPost("/{instanceId:guid}/retry", async (Guid instanceId, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(instanceId, http.Member(), ct)));
        return incidents;
    }
}
