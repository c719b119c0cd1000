using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Canvas;

/// <summary>One definition node on the canvas: an input port, and one output port per outcome.</summary>
public sealed class WorkflowNodeModel : NodeModel
{
    public WorkflowNodeModel(NodeDefinition node, Point position, FlowDirection direction) : base(node.Id, position)
    {
        Node = node;
        Direction = direction;
        Input = new InputPortModel(this, direction.InputSide());
        AddPort(Input);
    }

    /// <summary>Which way the canvas reads: where the ports sit.</summary>
    public FlowDirection Direction { get; }

    public NodeDefinition Node { get; private set; }

    public InputPortModel Input { get; }

    public string Label => string.IsNullOrWhiteSpace(Node.Label) ? Node.Id : Node.Label;

    /// <summary>The catalogue's entry, or null for a type the catalogue does not know.</summary>
    public INodeType? NodeType => NodeCatalogue.Find(Node.Type);

    /// <summary>The validator's messages about this node.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>A CSS class a comparison gives the node: added, removed, changed.</summary>
    public string? Marker { get; set; }

    /// <summary>Where each outcome leads now, by node id.</summary>
    public Dictionary<string, string> Targets { get; } = new(StringComparer.Ordinal);

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel? OutcomePort(string outcome) => OutcomePorts.FirstOrDefault(p => p.Outcome == outcome);

    /// <summary>Takes the node's current definition; adds and removes outcome ports to match.</summary>
    public void Update(NodeDefinition node, IReadOnlyList<string> outcomes, Func<string, string> outcomeLabel)
    {
        Node = node;
        var current = OutcomePorts.Select(p => p.Outcome).ToList();
        if (current.SequenceEqual(outcomes, StringComparer.Ordinal))
        {
            foreach (var port in OutcomePorts)
            {
                port.Label = outcomeLabel(port.Outcome);
            }

            return;
        }

        foreach (var port in OutcomePorts.ToList())
        {
            RemovePort(port);
        }

        foreach (var outcome in outcomes)
        {
            AddPort(new OutcomePortModel(this, outcome, outcomeLabel(outcome), Direction.OutputSide()));
        }

        ReinitializePorts();
    }
}

/// <summary>Where connections arrive. Links start only from outcome ports.</summary>
public sealed class InputPortModel(WorkflowNodeModel parent, PortAlignment side) : PortModel(parent.Id + ":in", parent, side)
{
    public override bool CanAttachTo(Blazor.Diagrams.Core.Models.Base.ILinkable other) => false;
}

/// <summary>One named outcome of a node; a link drawn from here is the connection for that outcome.</summary>
public sealed class OutcomePortModel(WorkflowNodeModel parent, string outcome, string label, PortAlignment side)
    : PortModel(parent.Id + ":out:" + outcome, parent, side)
{
    public string Outcome { get; } = outcome;

    public string Label { get; set; } = label;

    public override bool CanAttachTo(Blazor.Diagrams.Core.Models.Base.ILinkable other) => other switch
    {
        InputPortModel port => port.Parent != Parent,
        WorkflowNodeModel node => node != Parent,
        _ => false,
    };
}
