using System.Text.Json;
using System.Text.Json.Serialization;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// A task change, or the recipients of staff notices (<see cref="Recipients"/> set), as it travels between
/// nodes: the payload of a PostgreSQL notification on <see cref="Channel"/>, with the sending node's id so
/// the sender can drop its own echo.
/// </summary>
public sealed record TaskChangeMessage(
    [property: JsonPropertyName("n")] string Node,
    [property: JsonPropertyName("c")] string TrackingCode,
    [property: JsonPropertyName("t")] Guid? TaskId,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("r")] IReadOnlyList<string>? Recipients = null)
{
    public const string Channel = "sked_task_changes";

    public static string Write(string node, TaskChangedEventArgs change) =>
        JsonSerializer.Serialize(new TaskChangeMessage(node, change.TrackingCode, change.TaskId, change.Kind));

    public static string Write(string node, StaffNoticesWrittenEventArgs written) =>
        JsonSerializer.Serialize(new TaskChangeMessage(node, "", null, "notices", written.Recipients));

    public StaffNoticesWrittenEventArgs ToNotices() => new(Recipients ?? []) { FromOtherNode = true };

    /// <summary>The message, or null for a payload that is not one (another program on the channel).</summary>
    public static TaskChangeMessage? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskChangeMessage>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public TaskChangedEventArgs ToChange() => new(TrackingCode ?? "", TaskId, Kind ?? "") { FromOtherNode = true };
}
