using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Sked.Workflows.Proxy;

/// <summary>
/// Which requests the proxy may send to a second node after the first failed (<see cref="RetryOnAnotherNode"/>):
/// only those that change nothing however often they arrive — GET, HEAD, OPTIONS — and carry no body, and
/// are not a WebSocket or other upgrade (a live connection is Blazor's to re-open, not ours). A POST that
/// reached a node as it died may have been committed there; sending it again could accept a case twice.
/// Any request whose connection the node refused never reached it, so it may go to another whatever it is
/// (a citizen's lookup form, a submission): nothing of it was sent, and its body is still unread.
/// </summary>
public static class RetryableRequest
{
    /// <summary>Whether a request may go to a second node whatever became of it on the first.</summary>
    public static bool Is(HttpContext context)
    {
        var request = context.Request;
        var idempotent = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        // The server's own reading of the request: a Content-Length above 0, chunked, or an open HTTP/2 stream.
        // Without that reading we cannot tell, so such a request is not sent twice.
        var withoutBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
        return idempotent && withoutBody && !IsUpgrade(context);
    }

    /// <summary>Whether the first node refused the connection: no byte of the request reached it.</summary>
    public static bool NeverReachedTheNode(HttpContext context) =>
        !IsUpgrade(context) && context.GetForwarderErrorFeature()?.Exception is { } error && Refused(error);

    private static bool IsUpgrade(HttpContext context) => context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;

    private static bool Refused(Exception? error) => error switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
        _ => Refused(error.InnerException),
    };
}
