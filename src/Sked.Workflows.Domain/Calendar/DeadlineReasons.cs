namespace Sked.Workflows.Domain.Calendar;

/// <summary>Why a deadline moved, and which one: the codes stored on the case and in <c>deadline.moved</c> events.</summary>
public static class DeadlineReasons
{
    /// <summary>A closure was added over the deadline's days.</summary>
    public const string Closure = "closure";

    /// <summary>The week, hours or holidays changed.</summary>
    public const string Calendar = "calendar";

    /// <summary>The clock stood still while the company waited for the citizen.</summary>
    public const string Pause = "pause";

    /// <summary>The answer date promised to the citizen.</summary>
    public const string Promise = "promise";

    public const string Task = "task";
    public const string Timer = "timer";
}
