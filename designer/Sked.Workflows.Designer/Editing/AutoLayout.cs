using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// Lays a definition out in columns by the length of the longest path from the start (loops back
/// ignored), so the main flow reads in one line and side branches sit underneath.
/// </summary>
public static class AutoLayout
{
    public const double ColumnWidth = 240;
    public const double RowHeight = 150;
    private const double Margin = 40;

    public static IReadOnlyDictionary<string, NodePosition> Arrange(WorkflowDefinition definition)
    {
        var columns = Columns(definition);
        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        var rows = new Dictionary<int, int>();
        // Nodes keep their file order inside a column, so the first outcome's branch stays on top.
        foreach (var node in definition.Nodes)
        {
            var column = columns.GetValueOrDefault(node.Id, columns.Count == 0 ? 0 : columns.Values.Max() + 1);
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            positions[node.Id] = new NodePosition(Margin + (column * ColumnWidth), Margin + (row * RowHeight));
        }

        return positions;
    }

    private static Dictionary<string, int> Columns(WorkflowDefinition definition)
    {
        var start = definition.Nodes.Find(n => n.Type == "start")?.Id ?? definition.Nodes.FirstOrDefault()?.Id;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (start is null)
        {
            return columns;
        }

        var next = definition.Connections.ToLookup(c => c.From, c => c.To, StringComparer.Ordinal);
        columns[start] = 0;
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        Visit(start, 0, next, columns, onPath);
        return columns;
    }

    // Depth-first with the nodes on the current path excluded, so a "return" loop does not push
    // its target further right forever.
    private static void Visit(string id, int column, ILookup<string, string> next, Dictionary<string, int> columns, HashSet<string> onPath)
    {
        onPath.Add(id);
        foreach (var to in next[id].Where(t => !onPath.Contains(t)))
        {
            if (!columns.TryGetValue(to, out var existing) || existing < column + 1)
            {
                columns[to] = column + 1;
                Visit(to, column + 1, next, columns, onPath);
            }
        }

        onPath.Remove(id);
    }
}
