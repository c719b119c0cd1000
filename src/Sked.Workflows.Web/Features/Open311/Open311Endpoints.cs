namespace Sked.Workflows.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2, so existing civic apps can file and follow public reports:
/// the report categories are its services and a public-report case is its service request, with the
/// tracking code as service_request_id. JSON only; no api_key is needed (one is accepted and ignored),
/// and jurisdiction_id is ignored because the endpoint serves one company.
/// </summary>
public static class Open311Endpoints
{
    public const string Prefix = "/open311/v2";

    public static WebApplication MapOpen311(this WebApplication app)
    {
        var open311 = app.MapGroup(Prefix)
            .WithTags("Open311")
            .WithMetadata(Open311Errors.Format)
            .AddEndpointFilter(OnlyJson);
        open311.MapServices().MapPostServiceRequest().MapGetServiceRequests();
        return app;
    }

    // The spec picks the format with a suffix (services.json, services.xml); only JSON is offered, and
    // a format that does not exist is a resource that does not exist (the spec's 404).
    private static async ValueTask<object?> OnlyJson(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        string.Equals(context.HttpContext.GetRouteValue("format") as string, "json", StringComparison.OrdinalIgnoreCase)
            ? await next(context)
            : Open311Errors.UnsupportedFormat();
}
