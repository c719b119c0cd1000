using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// Magfa's HTTP API v2 (JSON, basic authentication as <c>username/domain:password</c>): <c>send</c> takes
/// parallel arrays <c>senders</c>, <c>recipients</c>, <c>messages</c> and <c>uids</c> (our client id),
/// <c>mid/{uid}</c> finds the message Magfa made of a uid, <c>statuses/{mid}</c> its delivery report.
/// Every answer has <c>status</c>: 0 is yes, anything else Magfa's error code.
/// </summary>
public sealed class MagfaSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public static readonly Uri PublicAddress = new("https://sms.magfa.com/api/http/sms/v2/");

    public string Provider => SmsProviders.Magfa;

    public async Task<SmsReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        var body = new SendRequest([options.Value.Sender ?? string.Empty], [sms.To], [sms.Text], [sms.ClientId]);
        using var request = Request(HttpMethod.Post, "send");
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await ReadAsync<SendAnswer>(response, cancellationToken);
        var message = answer.Messages?.FirstOrDefault() ?? throw new InvalidOperationException("Magfa answered without the message.");
        if (message.Status != 0)
        {
            throw Refused(message.Status);
        }

        return new SmsReceipt(message.Id.ToString(CultureInfo.InvariantCulture), SmsState.SentToOperator);
    }

    public async Task<SmsReceipt?> FindAsync(SmsReference sms, CancellationToken cancellationToken)
    {
        var mid = sms.OperatorId ?? await MidAsync(sms.ClientId, cancellationToken);
        if (mid is null)
        {
            return null;
        }

        using var request = Request(HttpMethod.Get, $"statuses/{mid}");
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await ReadAsync<StatusesAnswer>(response, cancellationToken);
        var report = answer.Dlrs?.FirstOrDefault();
        return new SmsReceipt(mid, State(report?.Status ?? 0));
    }

    /// <summary>Magfa's id for our uid; null when it has none.</summary>
    private async Task<string?> MidAsync(long uid, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"mid/{uid.ToString(CultureInfo.InvariantCulture)}");
        using var response = await http.SendAsync(request, cancellationToken);
        try
        {
            var answer = await ReadAsync<MidAnswer>(response, cancellationToken);
            return answer.Mid is > 0 ? answer.Mid.Value.ToString(CultureInfo.InvariantCulture) : null;
        }
        catch (SmsRefusedException refused) when (refused.Code == UnknownMessage)
        {
            return null;
        }
    }

    /// <summary>Magfa's delivery statuses: 1 delivered to the phone, 2 not delivered to it, 8 reached the carrier, 16 did not reach it, 0 nothing yet, -1 unknown or older than a day.</summary>
    private static SmsState State(int status) => status switch
    {
        1 => SmsState.Delivered,
        2 => SmsState.Undelivered,
        16 => SmsState.Failed,
        _ => SmsState.SentToOperator,
    };

    private const string UnknownMessage = "24";

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Value.BaseUrl ?? PublicAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Value.ApiKey ?? string.Empty)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : Answer
    {
        // Not an answer from Magfa's application (a proxy, a crash): whether it took the message is unknown.
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<T>(cancellationToken) ?? throw new HttpRequestException("Magfa answered with nothing.");
        return answer.Status == 0 ? answer : throw Refused(answer.Status);
    }

    /// <summary>1 invalid recipient, 27 on the operator's blacklist, 28 prefix blocked: sending again cannot help. 14 (credit), 15 and 23 (busy) and the rest may pass later.</summary>
    private static SmsRefusedException Refused(int status) =>
        new(SmsProviders.Magfa, status.ToString(CultureInfo.InvariantCulture), "see Magfa's error codes", status is 1 or 27 or 28);

    private sealed record SendRequest(
        [property: JsonPropertyName("senders")] string[] Senders,
        [property: JsonPropertyName("recipients")] string[] Recipients,
        [property: JsonPropertyName("messages")] string[] Messages,
        [property: JsonPropertyName("uids")] long[] Uids);

    private abstract record Answer
    {
        [JsonPropertyName("status")]
        public int Status { get; init; }
    }

    private sealed record SendAnswer : Answer
    {
        [JsonPropertyName("messages")]
        public List<SentMessage>? Messages { get; init; }
    }

    private sealed record SentMessage([property: JsonPropertyName("status")] int Status, [property: JsonPropertyName("id")] long Id);

    private sealed record MidAnswer : Answer
    {
        [JsonPropertyName("mid")]
        public long? Mid { get; init; }
    }

    private sealed record StatusesAnswer : Answer
    {
        [JsonPropertyName("dlrs")]
        public List<Report>? Dlrs { get; init; }
    }

    private sealed record Report([property: JsonPropertyName("mid")] long Mid, [property: JsonPropertyName("status")] int Status);
}
