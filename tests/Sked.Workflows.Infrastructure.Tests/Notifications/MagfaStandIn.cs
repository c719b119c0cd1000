using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sked.Workflows.Infrastructure.Notifications;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>
/// Magfa's HTTP API v2 as documented, under <c>/api/http/sms/v2/</c> with basic authentication
/// (<c>username/domain:password</c>): POST <c>send</c> (JSON arrays senders, recipients, messages, uids)
/// → <c>{status, messages: [{status, id, userId, parts, tariff, alphabet, recipient}]}</c>; GET
/// <c>mid/{uid}</c> → <c>{status, mid}</c>; GET <c>statuses/{mids}</c> → <c>{status, dlrs: [{mid, status, date}]}</c>.
/// Error codes: 1 invalid recipient, 14 credit too low, 18 bad credentials; delivery statuses 0 none
/// yet, 1 delivered, 2 undelivered, 8 reached the carrier, 16 did not reach it, -1 unknown.
/// </summary>
public sealed class MagfaStandIn : SmsOperatorStandIn
{
    public const string Credentials = "sked/skedco:" + ApiKey;

    public override string Provider => SmsProviders.Magfa;

    protected override string BasePath => "/api/http/sms/v2/";

    public override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Sms:ApiKey"] = Credentials;
        return settings;
    }

    public static async Task<MagfaStandIn> StartNewAsync()
    {
        var standIn = new MagfaStandIn();
        await standIn.StartAsync();
        return standIn;
    }

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/http/sms/v2");
        api.MapPost("/send", async (HttpContext http) =>
        {
            if (!Authorized(http))
            {
                return Results.Json(new { status = 18 });
            }

            var body = (await JsonNode.ParseAsync(http.Request.Body))!;
            var recipient = body["recipients"]![0]!.GetValue<string>();
            var uid = body["uids"]![0]!.GetValue<long>();
            var fault = DueFault();
            if (fault == OperatorFault.ServerError)
            {
                return Results.Text("Internal Server Error", statusCode: 500);
            }

            if (fault is OperatorFault.InvalidNumber or OperatorFault.NoCredit)
            {
                var code = fault == OperatorFault.InvalidNumber ? 1 : 14;
                return Results.Json(new { status = 0, messages = new[] { new { status = code, id = 0L, userId = uid, parts = 0, tariff = 0, alphabet = "UCS2", recipient } } });
            }

            var sms = Accept(uid, recipient, body["messages"]![0]!.GetValue<string>());
            await LateAsync(http);
            return Results.Json(new { status = 0, messages = new[] { new { status = 0, id = sms.OperatorId, userId = uid, parts = 1, tariff = 1_150, alphabet = "UCS2", recipient } } });
        });
        api.MapGet("/mid/{uid:long}", (long uid, HttpContext http) =>
            Authorized(http) ? Results.Json(new { status = 0, mid = Find(uid)?.OperatorId ?? 0L }) : Results.Json(new { status = 18 }));
        api.MapGet("/statuses/{mids}", (string mids, HttpContext http) =>
        {
            if (!Authorized(http))
            {
                return Results.Json(new { status = 18 });
            }

            var dlrs = mids.Split(',').Select(long.Parse).Select(mid => new
            {
                mid,
                status = States.TryGetValue(mid, out var state) ? Status(state) : -1,
                date = "2026-12-06 10:00:00",
            });
            return Results.Json(new { status = 0, dlrs });
        });
    }

    private static bool Authorized(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials));

    private static int Status(SmsState state) => state switch
    {
        SmsState.Delivered => 1,
        SmsState.Undelivered => 2,
        SmsState.Failed => 16,
        _ => 8,
    };
}
