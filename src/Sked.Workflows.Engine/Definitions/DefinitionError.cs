using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// One reason a definition cannot run, named by file and node so the owner can find it. The reason
/// is a <see cref="Domain.Text.Message"/> (a code from <see cref="DefinitionErrors"/> and its
/// arguments): screens render it in Persian, files and logs print the code and arguments.
/// </summary>
public sealed record DefinitionError(string? File, string? NodeId, Message Message)
{
    public DefinitionError(string? file, string? nodeId, string code, params object?[] args)
        : this(file, nodeId, Message.Of(code, args))
    {
    }

    public string Code => Message.Code;

    public override string ToString()
    {
        var where = string.Join(" ", new[] { File, NodeId is null ? null : $"node '{NodeId}'" }.Where(s => s is not null));
        return where.Length == 0 ? Message.ToString() : $"{where}: {Message}";
    }
}

/// <summary>Thrown when a definition that must run (a shipped file, a publish) does not validate.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid workflow definition:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
