using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Testing;

/// <summary>The HTTP API as the tests use it: submit, track, list and act on tasks.</summary>
public static class CaseApi
{
    public static object Complaint(string subject = "قطعی مکرر برق", string body = "برق خیابان ما سه روز است که قطع و وصل می‌شود.") => new
    {
        type = "complaint",
        subject,
        body,
        citizen = new { name = "علی رضایی", nationalCode = "0499370899", mobile = "09123456789" },
    };

    public static async Task<string> SubmitAsync(HttpClient client, object submission)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", submission);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!["trackingCode"]!.GetValue<string>();
    }

    public static async Task<JsonObject> TrackAsync(HttpClient client, string trackingCode, string? password = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{trackingCode}");
        if (password is not null)
        {
            request.Headers.Add("X-Tracking-Password", password);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : throw new InvalidOperationException($"track answered {(int)response.StatusCode}: {body}");
    }

    public static async Task<List<JsonObject>> TasksAsync(HttpClient client, string scope)
    {
        var tasks = await client.GetFromJsonAsync<JsonArray>($"/api/v1/tasks?scope={scope}&pageSize=200");
        return tasks!.Select(t => t!.AsObject()).ToList();
    }

    public static async Task<JsonObject?> TaskForAsync(HttpClient client, string trackingCode, string scope = "available") =>
        (await TasksAsync(client, scope)).FirstOrDefault(t => t["trackingCode"]!.GetValue<string>() == trackingCode);

    public static Task<HttpResponseMessage> ClaimAsync(HttpClient client, string taskId) => client.PostAsync($"/api/v1/tasks/{taskId}/claim", null);

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId, string outcome, object? data = null) =>
        client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome, data = data ?? new { } });

    public static async Task<List<JsonObject>> HistoryAsync(HttpClient auditor, string trackingCode)
    {
        var events = await auditor.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{trackingCode}/history");
        return events!.Select(e => e!.AsObject()).ToList();
    }

    /// <summary>The login that fits a task's candidate role and department in the demo accounts.</summary>
    public static string LoginFor(string role, string? department) => role switch
    {
        "EDesk" => "edesk",
        "Secretariat" => "secretariat",
        "CeoOffice" => "ceo-office",
        "Department" => $"staff.{department}",
        "DepartmentHead" => $"head.{department}",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no demo login for this role"),
    };
}
