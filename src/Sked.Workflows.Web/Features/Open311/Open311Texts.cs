namespace Sked.Workflows.Web.Features.Open311;

/// <summary>Open311 answers: error descriptions (the caller prefixes the parameter name) and the submission notice; the sentences are in the catalogue.</summary>
public static class Open311Texts
{
    public const string BodyTooLarge = "open311.body-too-large";

    public const string BodyUnreadable = "open311.body-unreadable";

    public const string ContentType = "open311.content-type";

    public const string DateInvalid = "open311.date-invalid";

    public const string JsonBodyObject = "open311.json-body-object";

    public const string JsonOnly = "open311.json-only";

    public const string LatLongNumbers = "open311.lat-long-numbers";

    public const string LatLongTogether = "open311.lat-long-together";

    public const string LocationRequired = "open311.location-required";

    public const string NotSubmitted = "open311.not-submitted";

    public const string RangeInvalid = "open311.range-invalid";

    public const string RequestNotFound = "open311.request-not-found";

    public const string ServiceCodeRequired = "open311.service-code-required";

    public const string StatusInvalid = "open311.status-invalid";

    /// <summary>{0} tracking code.</summary>
    public const string Submitted = "open311.submitted";

    /// <summary>{0} the submitted notice, {1} the Jalali date the answer is due.</summary>
    public const string SubmittedExpected = "open311.submitted-expected";

    public const string UnknownService = "open311.unknown-service";
}
