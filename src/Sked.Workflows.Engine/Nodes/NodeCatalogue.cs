namespace Sked.Workflows.Engine.Nodes;

/// <summary>The allow-list of node types. A definition may use these and nothing else.</summary>
public static class NodeCatalogue
{
    public static readonly IReadOnlyList<INodeType> All =
    [
        new StartNode(),
        new IntakeNode(),
        new AutoRouteNode(),
        new HumanTaskNode(),
        new DecisionNode(),
        new TimerNode(),
        new AwaitReplyNode(),
        new NotifyNode(),
        new PublishAnswerNode(),
        new PromoteToFaqNode(),
        new SetStatusNode(),
        new EndNode(),
    ];

    private static readonly Dictionary<string, INodeType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static INodeType? Find(string? name) => name is not null && ByName.TryGetValue(name, out var type) ? type : null;
}
