using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Where every instance begins; it must lead to the intake node.</summary>
public sealed class StartNode : NodeType<NoProperties>
{
    public const string TypeName = "start";

    public override string Name => TypeName;

    protected override NodeStep Execute(NodeContext context, NoProperties properties) => NodeStep.Continue(Next);
}
