using System.Net;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Testing;

/// <summary>
/// Works a case through its workflow the way staff would: finds the case's open task, logs in as a
/// member who fits it, fills the form the definition asks for and picks the outcome that moves
/// the case toward an answer, until no task is left.
/// </summary>
public sealed class CaseDriver(TestApp app, string department = "customer-service")
{
    // Outcomes that move a case forward, most final first; "route"/"refer" send it to a department.
    private static readonly string[] Preferred = ["answer", "approve", "resolved", "route", "refer"];
    private readonly Dictionary<string, HttpClient> _logins = new(StringComparer.Ordinal);

    public List<string> Steps { get; } = [];

    public async Task DriveAsync(string trackingCode, int maxSteps = 12)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            var task = await FindOpenTaskAsync(trackingCode);
            if (task is null)
            {
                return;
            }

            var role = task["candidateRole"]!.GetValue<string>();
            var client = await LoginAsync(CaseApi.LoginFor(role, task["department"]?.GetValue<string>()));
            var outcomes = task["outcomes"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
            var outcome = Preferred.FirstOrDefault(outcomes.Contains) ?? outcomes[0];
            var response = await CaseApi.CompleteAsync(client, task["id"]!.GetValue<string>(), outcome, FormData(task, outcome));
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException($"completing {task["step"]} with {outcome} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            Steps.Add($"{task["step"]}:{outcome}");
        }

        throw new InvalidOperationException($"case {trackingCode} still has tasks after {maxSteps} steps: {string.Join(", ", Steps)}");
    }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        if (!_logins.TryGetValue(userName, out var client))
        {
            client = await app.LoginAsync(userName);
            _logins[userName] = client;
        }

        return client;
    }

    private async Task<JsonObject?> FindOpenTaskAsync(string trackingCode)
    {
        // Every task is offered to one of these; the case's task is in exactly one of their queues.
        string[] queues = ["edesk", "secretariat", "ceo-office", $"staff.{department}"];
        foreach (var user in queues)
        {
            var task = await CaseApi.TaskForAsync(await LoginAsync(user), trackingCode);
            if (task is not null)
            {
                return task;
            }
        }

        return null;
    }

    private Dictionary<string, string> FormData(JsonObject task, string outcome)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in task["form"]!.AsArray().Select(f => f!.AsObject()))
        {
            var requiredFor = field["requiredFor"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];
            if (field["required"]?.GetValue<bool>() != true && !requiredFor.Contains(outcome))
            {
                continue;
            }

            data[field["name"]!.GetValue<string>()] = field["type"]!.GetValue<string>() switch
            {
                "department" => department,
                "select" => field["options"]!.AsArray()[0]!["value"]!.GetValue<string>(),
                "boolean" => "true",
                "date" => "1405/09/07",
                _ => "پاسخ کارشناس: موضوع بررسی و برطرف شد.",
            };
        }

        return data;
    }
}
