using System.Text.Json;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>
/// An audit event's data as one Persian sentence for the auditor's timeline: the catalogue's record for
/// the type describes itself (audit.&lt;type&gt; in the catalogue); the raw JSON stays in the evidence pack.
/// An event type the catalogue does not know is shown as its fields, so nothing is hidden.
/// </summary>
public static class AuditSummary
{
    public static string Describe(string type, string data, IAuditNames names)
    {
        // Numbers and dates are rendered in Persian digits by the catalogue; ids, logins and codes stay as written.
        return AuditEvents.Read(type, data) is { } known ? Catalogue.Render(known.Describe(names)) : Fields(data);
    }

    private static string Fields(string json)
    {
        try
        {
            using var data = JsonDocument.Parse(json);
            return Fields(data.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string Fields(JsonElement data) => data.ValueKind != JsonValueKind.Object
        ? data.GetRawText()
        : AuditText.Fields(data.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString() ?? string.Empty,
            JsonValueKind.Number when p.Value.TryGetInt64(out var number) => Catalogue.Number(number),
            _ => p.Value.GetRawText(),
        })));
}
