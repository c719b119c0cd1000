using System.Text.Json;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>
/// A message's secret (a letter's password) is stored only until the operator has accepted the SMS:
/// then every occurrence in the stored text becomes <see cref="Mask"/> and the secret itself is dropped.
/// </summary>
public static class SecretRedaction
{
    public const string Mask = "••••";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The payload without its secret; unchanged when it has none.</summary>
    public static string Redact(string payload)
    {
        var message = JsonSerializer.Deserialize<NotificationMessage>(payload, Json);
        if (message?.Secret is not { Length: > 0 } secret)
        {
            return payload;
        }

        return JsonSerializer.Serialize(message with { Text = message.Text.Replace(secret, Mask, StringComparison.Ordinal), Secret = null }, Json);
    }
}
