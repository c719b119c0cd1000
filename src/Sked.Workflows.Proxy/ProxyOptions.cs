namespace Sked.Workflows.Proxy;

/// <summary>What the proxy forwards to (section <c>Proxy</c>): <c>Proxy__Nodes__0=http://127.0.0.1:5001</c>, <c>Proxy__Nodes__1=…</c>.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>The app nodes' base addresses.</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>How often each node's /health/live is asked; a node that fails it is taken out until it answers again.</summary>
    public double HealthCheckSeconds { get; set; } = 2;
}
