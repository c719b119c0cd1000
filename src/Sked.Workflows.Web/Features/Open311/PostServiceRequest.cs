using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Open311;

/// <summary>
/// POST /open311/v2/requests.json: files a public report through the public-report workflow. Takes
/// application/x-www-form-urlencoded as the spec says (JSON with the same names too). Without a phone
/// the report is anonymous and name and e-mail are not kept: the company answers public reports only
/// by SMS. device_id, account_id, media_url and attribute[] are ignored; api_key is not required.
/// </summary>
public static class PostServiceRequest
{
    public sealed record CreatedView(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("service_notice")] string ServiceNotice,
        [property: JsonPropertyName("account_id")] string? AccountId);

    public static RouteGroupBuilder MapPostServiceRequest(this RouteGroupBuilder open311)
    {
        // No Accepts metadata: routing would refuse other content types with a bare 415 before the
        // handler could answer in Open311's error shape.
        open311.MapPost("/requests.{format}", Handle)
            .RequireRateLimiting(WebApiRegistration.SubmissionLimit)
            .Produces<IReadOnlyList<CreatedView>>()
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
        return open311;
    }

    private static async Task<IResult> Handle(HttpRequest request, Cases.SubmitCase.Handler submit, CancellationToken cancellationToken)
    {
        var (parameters, unreadable) = await ReadParametersAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var submission = ToSubmission(parameters, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        // Always the citizen, even from a signed-in browser: this channel is the public's.
        var started = await submit.HandleAsync(submission!, Domain.Staff.Actor.Citizen(request.HttpContext.Connection.RemoteIpAddress?.ToString()), [], cancellationToken);
        return started.Result.Kind switch
        {
            // 200 rather than 201: the spec names no success status, and 200 is the one every client accepts.
            WorkflowResultKind.Ok => Results.Ok(new[] { new CreatedView(started.TrackingCode!, Notice(started), AccountId: null) }),
            WorkflowResultKind.Invalid => Open311Errors.Invalid(started.Result.Errors!),
            _ => Open311Errors.BadRequest(started.Result.Message is { } said ? Domain.Text.Catalogue.Render(said) : Domain.Text.Catalogue.Render(Open311Texts.NotSubmitted)),
        };
    }

    private static CaseSubmission? ToSubmission(Dictionary<string, string> parameters, out IResult? refused)
    {
        refused = null;
        var serviceCode = Value(parameters, "service_code");
        if (serviceCode is null)
        {
            refused = Open311Errors.BadRequest("service_code: " + Domain.Text.Catalogue.Render(Open311Texts.ServiceCodeRequired));
            return null;
        }

        if (!ReportCategories.IsKnown(serviceCode))
        {
            refused = Open311Errors.NotFound(ListServices.UnknownService);
            return null;
        }

        var lat = Value(parameters, "lat");
        var lng = Value(parameters, "long");
        var address = Value(parameters, "address_string");
        if ((lat is null) != (lng is null))
        {
            refused = Open311Errors.BadRequest("lat, long: " + Domain.Text.Catalogue.Render(Open311Texts.LatLongTogether));
            return null;
        }

        if (lat is null && address is null)
        {
            refused = Open311Errors.BadRequest("lat, long, address_string: " + Domain.Text.Catalogue.Render(Open311Texts.LocationRequired));
            return null;
        }

        double? latitude = null;
        double? longitude = null;
        if (lat is not null)
        {
            if (!TryParseDegrees(lat, out var y) || !TryParseDegrees(lng, out var x))
            {
                refused = Open311Errors.BadRequest("lat, long: " + Domain.Text.Catalogue.Render(Open311Texts.LatLongNumbers));
                return null;
            }

            (latitude, longitude) = (y, x);
        }

        var name = string.Join(' ', new[] { Value(parameters, "first_name"), Value(parameters, "last_name") }.OfType<string>());
        var phone = Value(parameters, "phone");
        var anonymous = phone is null;
        return new CaseSubmission
        {
            Type = CaseTypes.PublicReport,
            Category = serviceCode,
            Subject = $"{CaseTypes.PersianNames[CaseTypes.PublicReport]}: {ReportCategories.PersianNames[serviceCode]}",
            Body = Value(parameters, "description"),
            Anonymous = anonymous,
            Citizen = anonymous ? null : new CitizenInput(name, NationalCode: null, phone, Value(parameters, "email")),
            Location = new LocationInput(latitude, longitude, address),
        };
    }

    private static string Notice(StartedCase started)
    {
        var notice = Domain.Text.Catalogue.Render(Open311Texts.Submitted, started.TrackingCode);
        return started.ExpectedAnswerAt is { } expected
            ? Domain.Text.Catalogue.Render(Open311Texts.SubmittedExpected, notice, JalaliDate.Format(expected, withTime: false))
            : notice;
    }

    // A parameter sent empty counts as not sent (the spec's "optional arguments").
    private static string? Value(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool TryParseDegrees(string? text, out double degrees) =>
        double.TryParse(PersianText.ToAsciiDigits(text), NumberStyles.Float, CultureInfo.InvariantCulture, out degrees) && double.IsFinite(degrees);

    private static async Task<(Dictionary<string, string> Parameters, IResult? Error)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (key, values) in form)
                {
                    parameters[key] = values.FirstOrDefault() ?? string.Empty;
                }
            }
            else if (request.HasJsonContentType())
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (parameters, Open311Errors.BadRequest(Domain.Text.Catalogue.Render(Open311Texts.JsonBodyObject)));
                }

                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    }
                }
            }
            else if (request.ContentLength > 0 || request.ContentType is not null)
            {
                return (parameters, Open311Errors.Of(StatusCodes.Status415UnsupportedMediaType,
                    [Domain.Text.Catalogue.Render(Open311Texts.ContentType)]));
            }
        }
        // InvalidOperationException: a string holding half of a surrogate pair (\ud800), which no text can carry.
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException)
        {
            return (parameters, Open311Errors.BadRequest(Domain.Text.Catalogue.Render(Open311Texts.BodyUnreadable)));
        }
        catch (BadHttpRequestException ex)
        {
            // Too large (413) or cut off: the server's own limit, told in the client's error shape.
            return (parameters, Open311Errors.Of(ex.StatusCode, [Domain.Text.Catalogue.Render(Open311Texts.BodyTooLarge)]));
        }

        return (parameters, null);
    }
}
