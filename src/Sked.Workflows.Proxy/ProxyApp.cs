using Yarp.ReverseProxy.Configuration;

namespace Sked.Workflows.Proxy;

/// <summary>
/// YARP in front of the app nodes (docs/adr/0005-two-nodes-behind-a-proxy.md): every request goes to a node;
/// a browser stays on the node that served it first (a cookie names it), because a Blazor Server circuit
/// lives in one node's memory. A node that fails /health/live, or a request, is taken out and its browsers are
/// sent to a live node, where they keep their login (the cookie's keys are shared in the database) and
/// open a new circuit. A GET that meets a node as it dies is sent once more to a live node (<see cref="RetryOnAnotherNode"/>).
/// WebSockets pass through; X-Forwarded-For/Proto/Host tell the node who asked.
/// </summary>
public static class ProxyApp
{
    public const string AffinityCookie = ".Sked.Node";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (options.Nodes.Count == 0)
        {
            throw new InvalidOperationException("Proxy__Nodes__0 (and __1, …) must name the app nodes, e.g. http://127.0.0.1:5001.");
        }

        builder.Services.AddReverseProxy().LoadFromMemory([Route], [Cluster(options)]);
        // The passive check judges a node from its first refused request, not after ten (the default): on a
        // quiet evening a killed node would otherwise keep its browsers' requests until the active check.
        builder.Services.Configure<Yarp.ReverseProxy.Health.TransportFailureRateHealthPolicyOptions>(o => o.MinimalTotalCountThreshold = 1);
        var app = builder.Build();
        app.MapReverseProxy(pipeline =>
        {
            // First, so that a retried request goes through affinity, balancing and the health check again.
            pipeline.UseMiddleware<RetryOnAnotherNode>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }

    private static RouteConfig Route => new()
    {
        RouteId = "app",
        ClusterId = "nodes",
        Match = new RouteMatch { Path = "{**rest}" },
        // The browser's Host goes to the node, so the absolute addresses a node writes (the sign-in
        // redirect, links in mail) name the proxy, not the node behind it — a browser sent straight to a
        // node would lose the proxy's failover.
        Transforms = [new Dictionary<string, string>(StringComparer.Ordinal) { ["RequestHeaderOriginalHost"] = "true" }],
    };

    private static ClusterConfig Cluster(ProxyOptions options) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            // The node a cookie names is down: choose a live one and name it instead (not a 503).
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(options.HealthCheckSeconds),
                // A busy node answers slowly, not never: a short timeout would take a loaded node out.
                Timeout = TimeSpan.FromSeconds(Math.Max(2, options.HealthCheckSeconds)),
                Policy = "ConsecutiveFailures",
                // Liveness, not readiness: readiness also reports the shared backlog (a late timer, the
                // outbox), which is the same on every node and no reason to take one out.
                Path = "/health/live",
            },
            // A request that cannot reach a node takes it out at once, before the next active check.
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(options.HealthCheckSeconds * 2) },
            AvailableDestinationsPolicy = "HealthyOrPanic",
        },
        Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Two failed checks in a row take a node out (one may be a busy moment); a dead node's refused
            // connections take it out sooner, by the passive check.
            ["ConsecutiveFailuresHealthPolicy.Threshold"] = "2",
            ["TransportFailureRateHealthPolicy.RateLimit"] = "0.01",
        },
        Destinations = options.Nodes.Select((address, i) => (address, i))
            .ToDictionary(n => $"node-{(char)('a' + n.i)}", n => new DestinationConfig { Address = n.address, Health = n.address }, StringComparer.Ordinal),
    };
}
