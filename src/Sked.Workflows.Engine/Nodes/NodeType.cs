using System.Text.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Base for node types with a typed property record; does the casting once, here.</summary>
public abstract class NodeType<TProperties> : INodeType where TProperties : class, new()
{
    public const string Next = "next";

    public abstract string Name { get; }
    public string PersianName => Catalogue.Label("node", Name);
    public IReadOnlyList<PropertySpec> Properties => PropertySpecs.Of(typeof(TProperties));
    public virtual bool IsEnd => false;

    public JsonObject? StarterProperties => Starter is { } starter ? Starters.ToJson(starter) : null;

    /// <summary>The typed starter values of a new node of this type; null when it starts empty.</summary>
    protected virtual TProperties? Starter => null;

    public object Bind(JsonObject? properties) =>
        properties is null ? new TProperties() : properties.Deserialize<TProperties>(DefinitionJson.Options) ?? new TProperties();

    IReadOnlyList<string> INodeType.Outcomes(object properties) => Outcomes((TProperties)properties);

    void INodeType.Validate(object properties, NodeCheck check) => Validate((TProperties)properties, check);

    NodeStep INodeType.Execute(NodeContext context) => Execute(context, (TProperties)context.Node.Properties);

    NodeStep INodeType.OnSignal(NodeContext context, Signal signal) => OnSignal(context, (TProperties)context.Node.Properties, signal);

    protected virtual IReadOnlyList<string> Outcomes(TProperties properties) => IsEnd ? [] : [Next];

    protected virtual void Validate(TProperties properties, NodeCheck check)
    {
    }

    protected abstract NodeStep Execute(NodeContext context, TProperties properties);

    protected virtual NodeStep OnSignal(NodeContext context, TProperties properties, Signal signal) =>
        throw new NodeFailureException($"node type '{Name}' does not wait for signals.");
}

/// <summary>A node type without properties.</summary>
public sealed class NoProperties;
