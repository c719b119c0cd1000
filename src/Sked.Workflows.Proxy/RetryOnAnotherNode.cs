using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Sked.Workflows.Proxy;

/// <summary>
/// The first step of the proxy's pipeline (docs/adr/0005-two-nodes-behind-a-proxy.md). A request that may be
/// sent twice (<see cref="RetryableRequest"/>) whose node refused the connection, or dropped it before a byte
/// went back to the browser, or any request whose node refused the connection (none of it was sent), goes once more through the rest of YARP's pipeline — session affinity, load
/// balancing, the passive health check, the forwarder — with that node left out. So the request that meets a
/// node as it dies, before the health checks notice, is answered by a live node rather than 502.
/// </summary>
public sealed partial class RetryOnAnotherNode(RequestDelegate next, ILogger<RetryOnAnotherNode> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var itemsBefore = new Dictionary<object, object?>(context.Items);
        await next(context);
        if (!FailedBeforeAnswering(context) || proxy.ProxiedDestination is not { } failed
            || !(RetryableRequest.Is(context) || RetryableRequest.NeverReachedTheNode(context)))
        {
            return;
        }

        // The cluster's nodes as the health checks see them now (the failure just reported may already have
        // taken the node out); the failed one is left out either way.
        var others = proxy.Route.Cluster!.DestinationsState.AvailableDestinations.Where(d => d != failed).ToArray();
        if (others.Length == 0)
        {
            return;
        }

        LogRetry(logger, context.Request.Method, context.Request.Path, failed.DestinationId, context.GetForwarderErrorFeature()!.Error);
        ForgetFirstAttempt(context, proxy, itemsBefore);
        proxy.AvailableDestinations = others;
        await next(context);
    }

    /// <summary>
    /// Refused or dropped before the response started: <see cref="ForwarderError.Request"/> is no response at all,
    /// <see cref="ForwarderError.ResponseBodyDestination"/> a node that died between its headers and its body.
    /// A browser that went away, or a node that is only slow (a timeout), is not a reason to ask another.
    /// </summary>
    private static bool FailedBeforeAnswering(HttpContext context) =>
        !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested
        && context.GetForwarderErrorFeature()?.Error is ForwarderError.Request or ForwarderError.ResponseBodyDestination;

    /// <summary>
    /// The second attempt starts as the first did. The 502 and any headers the dead node sent go; the error goes,
    /// or the passive check would charge it to the live node too; and the notes the first attempt left in
    /// <see cref="HttpContext.Items"/> go — among them YARP's note that the request's affinity cookie matched its
    /// node, which would keep the cookie naming the dead node. Without it the affinity step finds the cookie's
    /// node missing, re-points the cookie (Redistribute) and the browser stays with the node that answered.
    /// </summary>
    private static void ForgetFirstAttempt(HttpContext context, IReverseProxyFeature proxy, Dictionary<object, object?> itemsBefore)
    {
        context.Response.Clear();
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Items = itemsBefore;
        proxy.ProxiedDestination = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} failed on {Node} ({Error}) before it answered; sent once more to another node")]
    private static partial void LogRetry(ILogger logger, string method, string path, string node, ForwarderError error);
}
