namespace Sked.Workflows.Engine.Definitions;

/// <summary>One reason a definition cannot run, named by file and node so the owner can find it.</summary>
public sealed record DefinitionError(string? File, string? NodeId, string Message)
{
    public override string ToString()
    {
        var where = string.Join(" ", new[] { File, NodeId is null ? null : $"node '{NodeId}'" }.Where(s => s is not null));
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

/// <summary>Thrown when a definition that must run (a shipped file, a publish) does not validate.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid workflow definition:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
