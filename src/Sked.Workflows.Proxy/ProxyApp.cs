using Yarp.ReverseProxy.Configuration;

namespace Sked.Workflows.Proxy;

/// <summary>
/// YARP in front of the app nodes (docs/adr/0005-two-nodes-behind-a-proxy.md): every request goes to a node;
/// a browser stays on the node that served it first (a cookie names it), because a Blazor Server circuit
/// lives in one node's memory. A node that fails /health/live, or a request, is taken out and its browsers are
/// sent to a live node, where they keep their login (the cookie's keys are shared in the database) and
/// open a new circuit. WebSockets pass through; X-Forwarded-For/Proto/Host tell the node who asked.
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
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static RouteConfig Route => new()
    {
        RouteId = "app",
        ClusterId = "nodes",
        Match = new RouteMatch { Path = "{**rest}" },
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
