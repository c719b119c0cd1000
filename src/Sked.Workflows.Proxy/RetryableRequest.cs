using Microsoft.AspNetCore.Http.Features;

namespace Sked.Workflows.Proxy;

/// <summary>
/// Which requests the proxy may send to a second node after the first failed (<see cref="RetryOnAnotherNode"/>):
/// only those that change nothing however often they arrive — GET, HEAD, OPTIONS — and carry no body, and
/// are not a WebSocket or other upgrade (a live connection is Blazor's to re-open, not ours). A POST that
/// reached a node as it died may have been committed there; sending it again could accept a case twice.
/// </summary>
public static class RetryableRequest
{
    public static bool Is(HttpContext context)
    {
        var request = context.Request;
        var idempotent = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        // The server's own reading of the request: a Content-Length above 0, chunked, or an open HTTP/2 stream.
        // Without that reading we cannot tell, so such a request is not sent twice.
        var withoutBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;
        return idempotent && withoutBody && !upgrade;
    }
}
