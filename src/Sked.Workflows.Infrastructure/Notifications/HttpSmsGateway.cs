using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// A generic operator (or a proxy in front of one) that speaks our own small contract: POST
/// <c>{to, text, id}</c> as JSON to the address (2xx: accepted, optionally answering <c>{id}</c>), and
/// GET <c>{address}/{id}</c> to ask after a message (404: unknown; 200 <c>{status}</c> with queued, sent,
/// delivered, undelivered or failed). An API key goes in X-Api-Key.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public string Provider => SmsProviders.Http;

    private Uri Address => options.Value.BaseUrl ?? throw new InvalidOperationException("Sms:BaseUrl is required for the Http provider.");

    public async Task<SmsReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, Address);
        request.Content = JsonContent.Create(new { to = sms.To, text = sms.Text, id = sms.Id });
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
        {
            throw new SmsRefusedException(Provider, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), "refused the message", permanent: true);
        }

        response.EnsureSuccessStatusCode();
        return new SmsReceipt(sms.Id.ToString(), SmsState.SentToOperator);
    }

    public async Task<SmsReceipt?> FindAsync(SmsReference sms, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, new Uri(Address.ToString().TrimEnd('/') + "/" + sms.Id));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var answer = response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
        return new SmsReceipt(sms.Id.ToString(), answer?.Status switch
        {
            "delivered" => SmsState.Delivered,
            "undelivered" => SmsState.Undelivered,
            "failed" => SmsState.Failed,
            _ => SmsState.SentToOperator,
        });
    }

    private HttpRequestMessage Request(HttpMethod method, Uri address)
    {
        var request = new HttpRequestMessage(method, address);
        if (options.Value.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private sealed record Answer([property: JsonPropertyName("status")] string? Status);
}
