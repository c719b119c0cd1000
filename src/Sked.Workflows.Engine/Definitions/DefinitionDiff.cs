namespace Sked.Workflows.Engine.Definitions;

/// <summary>Compares two versions of one definition: nodes by id, connections by (from, outcome), properties deeply.</summary>
public static class DefinitionDiff
{
    public static DefinitionChanges Compare(WorkflowDefinition before, WorkflowDefinition after) =>
        throw new NotSupportedException("contract placeholder: implemented on the designer-engine branch");
}
