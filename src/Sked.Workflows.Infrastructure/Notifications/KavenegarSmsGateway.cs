using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Kavenegar's REST API (v1): the key is part of the path, a send is a form post to
/// <c>sms/send.json</c> with <c>receptor</c>, <c>sender</c>, <c>message</c> and <c>localid</c> (our client
/// id), and <c>sms/statuslocalmessageid.json</c> tells what became of a localid. Every answer carries
/// <c>return.status</c>: 200 is yes, anything else is the reason (also the HTTP status).
/// </summary>
public sealed class KavenegarSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public static readonly Uri PublicAddress = new("https://api.kavenegar.com/");

    public string Provider => SmsProviders.Kavenegar;

    public async Task<SmsReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["receptor"] = sms.To,
            ["message"] = sms.Text,
            ["localid"] = sms.ClientId.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(options.Value.Sender))
        {
            form["sender"] = options.Value.Sender;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(Address("sms/send.json"), content, cancellationToken);
        var answer = await ReadAsync(response, cancellationToken);
        var entry = answer.Entries?.FirstOrDefault() ?? throw new InvalidOperationException("Kavenegar accepted the SMS but named no message.");
        return Receipt(entry.MessageId, entry.Status);
    }

    public async Task<SmsReceipt?> FindAsync(SmsReference sms, CancellationToken cancellationToken)
    {
        var localId = sms.ClientId.ToString(CultureInfo.InvariantCulture);
        using var response = await http.GetAsync(Address($"sms/statuslocalmessageid.json?localid={localId}"), cancellationToken);
        var answer = await ReadAsync(response, cancellationToken);
        var entry = answer.Entries?.FirstOrDefault();
        // Status 100: "invalid id", Kavenegar has no message with this localid.
        return entry is null || entry.Status == Incorrect || entry.MessageId == 0 ? null : Receipt(entry.MessageId, entry.Status);
    }

    private const int Incorrect = 100;

    /// <summary>Kavenegar's message statuses: 1 queued, 2 scheduled, 4 sent to the centre, 5 sent to the carrier, 10 delivered, 11 undelivered, 13 cancelled, 14 filtered.</summary>
    private static SmsReceipt Receipt(long messageId, int status) => new(messageId.ToString(CultureInfo.InvariantCulture), status switch
    {
        10 => SmsState.Delivered,
        11 => SmsState.Undelivered,
        13 or 14 => SmsState.Failed,
        _ => SmsState.SentToOperator,
    });

    private Uri Address(string method)
    {
        var key = Uri.EscapeDataString(options.Value.ApiKey ?? string.Empty);
        return new Uri(options.Value.BaseUrl ?? PublicAddress, $"v1/{key}/{method}");
    }

    private static async Task<Answer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Answer? answer = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
        }

        var status = answer?.Return?.Status ?? (int)response.StatusCode;
        if (status == 200 && response.IsSuccessStatusCode && answer is not null)
        {
            return answer;
        }

        if (status >= 500 || answer?.Return is null)
        {
            // Not an answer from Kavenegar's application (a proxy, a crash): whether it took the message is unknown.
            response.EnsureSuccessStatusCode();
            throw new HttpRequestException($"Kavenegar answered {(int)response.StatusCode} without a status.");
        }

        throw new SmsRefusedException(SmsProviders.Kavenegar, status.ToString(CultureInfo.InvariantCulture), answer.Return.Message ?? string.Empty, IsPermanent(status));
    }

    /// <summary>411: the receptor is not a valid number; sending it again cannot help. 418 (credit), 409 (server) and the rest may pass later.</summary>
    private static bool IsPermanent(int status) => status == 411;

    private sealed record Answer([property: JsonPropertyName("return")] AnswerReturn? Return, [property: JsonPropertyName("entries")] List<Entry>? Entries);

    private sealed record AnswerReturn([property: JsonPropertyName("status")] int Status, [property: JsonPropertyName("message")] string? Message);

    private sealed record Entry([property: JsonPropertyName("messageid")] long MessageId, [property: JsonPropertyName("status")] int Status);
}
