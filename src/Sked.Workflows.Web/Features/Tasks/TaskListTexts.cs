namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>What the task lists say beyond their rows; the sentences are in the catalogue.</summary>
public static class TaskListTexts
{
    /// <summary>?after= is not a cursor this API handed out, or the list is not in due-date order.</summary>
    public const string AfterInvalid = "taskList.after-invalid";
}
