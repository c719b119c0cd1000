using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>The outbox's dead letters for administrators: listed and sent again, by the API and the staff page alike.</summary>
public static class OutboxFeature
{
    public static IServiceCollection AddOutboxAdministration(this IServiceCollection services)
    {
        services.AddSingleton<ListOutboxMessages.Handler>();
        services.AddSingleton<RetryOutboxMessage.Handler>();
        return services;
    }

    /// <summary>GET /outbox?status=dead|pending and POST /outbox/{id}/retry; Admin only.</summary>
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").RequireAuthorization(Policies.Admin).WithTags("Outbox");
        outbox.MapListOutboxMessages().MapRetryOutboxMessage();
        return api;
    }
}
