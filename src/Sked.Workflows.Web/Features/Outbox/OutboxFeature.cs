using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>The outbox's dead letters for administrators: listed and sent again, by the API and the staff page alike.</summary>
public static class OutboxFeature
{
    public static IServiceCollection AddOutboxAdministration(this IServiceCollection services)
    {
        services.AddSingleton<ListOutboxMessages.Handler>();
        services.AddSingleton<RetryOutboxMessage.Handler>();
        services.AddSingleton<CancelOutboxMessage.Handler>();
        return services;
    }

    /// <summary>GET /outbox?status=dead|failed|pending|cancelled, POST /outbox/{id}/retry and /outbox/{id}/cancel; Admin only.</summary>
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").RequireAuthorization(Policies.Admin).WithTags("Outbox");
        outbox.MapListOutboxMessages().MapRetryOutboxMessage().MapCancelOutboxMessage();
        return api;
    }
}
