namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Codes of what the engine tells a person about a submitted task form, an intake and a reminder;
/// the Persian sentences sit in the catalogue under the same keys.
/// </summary>
public static class TaskFormErrors
{
    /// <summary>{0} field label.</summary>
    public const string Required = "taskForm.required";

    /// <summary>{0} field label.</summary>
    public const string TooLong = "taskForm.too-long";

    /// <summary>{0} department code.</summary>
    public const string UnknownDepartment = "taskForm.unknown-department";

    /// <summary>{0} field label.</summary>
    public const string NotAnOption = "taskForm.not-an-option";

    /// <summary>{0} field label.</summary>
    public const string NotBoolean = "taskForm.not-boolean";

    /// <summary>{0} field label.</summary>
    public const string NotADate = "taskForm.not-a-date";

    public const string NotInForm = "taskForm.not-in-form";

    /// <summary>{0} the outcome chosen, {1} the task's outcomes.</summary>
    public const string UnknownOutcome = "taskForm.unknown-outcome";

    /// <summary>{0} task title, {1} tracking code.</summary>
    public const string Reminder = "escalation.reminder";

    /// <summary>{0} task title, {1} tracking code: the CEO office hears of a task long past its deadline.</summary>
    public const string Overdue = "escalation.overdue-ceo";

    /// <summary>A field the workflow's intake requires is empty.</summary>
    public const string IntakeFieldRequired = "intake.field-required";

    /// <summary>Every code, for the test that each has a Persian sentence.</summary>
    public static IEnumerable<string> All =>
        typeof(TaskFormErrors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
