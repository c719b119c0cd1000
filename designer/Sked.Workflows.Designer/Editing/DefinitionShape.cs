using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// What a file must have before the editor can even draw it: lists, and ids where the format needs
/// them. Everything else is the validator's to say, node by node.
/// </summary>
public static class DefinitionShape
{
    /// <summary>A Persian reason the definition cannot be opened, or null when it can.</summary>
    public static string? Problem(WorkflowDefinition definition)
    {
        if (definition.Nodes is null || definition.Connections is null)
        {
            return "فایل فهرست «nodes» یا «connections» ندارد.";
        }

        if (definition.Nodes.Exists(n => n is null || n.Id is null || n.Type is null))
        {
            return "گره‌ای در فایل شناسه (id) یا نوع (type) ندارد.";
        }

        return definition.Connections.Exists(c => c is null || c.From is null || c.To is null || c.Outcome is null)
            ? "اتصالی در فایل «from»، «outcome» یا «to» ندارد."
            : null;
    }
}
