using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sked.Workflows.Infrastructure.Notifications;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>
/// Kavenegar's REST API v1 as documented: POST <c>/v1/{API-KEY}/sms/send.json</c> (form: receptor,
/// sender, message, localid) and GET <c>/v1/{API-KEY}/sms/statuslocalmessageid.json?localid=</c>.
/// Answers <c>{return: {status, message}, entries}</c> with the HTTP status equal to return.status:
/// 200 yes, 403 invalid key, 411 invalid receptor, 418 credit too low; message statuses 1 queued,
/// 4 sent to the centre, 10 delivered, 11 undelivered, 14 filtered, 100 unknown id.
/// </summary>
public sealed partial class KavenegarStandIn : SmsOperatorStandIn
{
    public override string Provider => SmsProviders.Kavenegar;

    public static async Task<KavenegarStandIn> StartNewAsync()
    {
        var standIn = new KavenegarStandIn();
        await standIn.StartAsync();
        return standIn;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/{key}/sms/send.json", async (string key, HttpContext http) =>
        {
            if (key != ApiKey)
            {
                return Return(403, "کلید API نامعتبر است");
            }

            var form = await http.Request.ReadFormAsync();
            var receptor = form["receptor"].ToString();
            var fault = DueFault();
            if (fault == OperatorFault.ServerError)
            {
                return Results.Text("Internal Server Error", statusCode: 500);
            }

            if (fault == OperatorFault.InvalidNumber || !Mobile().IsMatch(receptor))
            {
                return Return(411, "گیرنده نامعتبر است");
            }

            if (fault == OperatorFault.NoCredit)
            {
                return Return(418, "اعتبار حساب شما کافی نیست");
            }

            var sms = Accept(long.Parse(form["localid"].ToString(), CultureInfo.InvariantCulture), receptor, form["message"].ToString());
            await LateAsync(http);
            return Results.Json(new
            {
                @return = new { status = 200, message = "تایید شد" },
                entries = new[] { new { messageid = sms.OperatorId, message = sms.Text, status = 1, statustext = "در صف ارسال", sender = form["sender"].ToString(), receptor, date = 1_765_000_000, cost = 120 } },
            });
        });
        app.MapGet("/v1/{key}/sms/statuslocalmessageid.json", (string key, string localid) =>
        {
            if (key != ApiKey)
            {
                return Return(403, "کلید API نامعتبر است");
            }

            var sms = Find(long.Parse(localid, CultureInfo.InvariantCulture));
            var entry = sms is null
                ? new { messageid = 0L, localid, status = 100, statustext = "شناسه پیامک نامعتبر است" }
                : new { messageid = sms.OperatorId, localid, status = Status(States[sms.OperatorId]), statustext = "وضعیت" };
            return Results.Json(new { @return = new { status = 200, message = "تایید شد" }, entries = new[] { entry } });
        });
    }

    private static int Status(SmsState state) => state switch
    {
        SmsState.Delivered => 10,
        SmsState.Undelivered => 11,
        SmsState.Failed => 14,
        _ => 4,
    };

    private static IResult Return(int status, string message) =>
        Results.Json(new { @return = new { status, message }, entries = (object?)null }, statusCode: status);

    [GeneratedRegex("^09[0-9]{9}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mobile();
}
