using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Open311;

/// <summary>One entry of Open311's error array; code is the HTTP status, description is for the user.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>Open311 answers every error as an array of {code, description}, never as ProblemDetails.</summary>
public static class Open311Errors
{
    // The submission's field names as an Open311 client knows them.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["category"] = "service_code",
        ["subject"] = "service_code",
        ["body"] = "description",
        ["citizen.name"] = "first_name, last_name",
        ["citizen.mobile"] = "phone",
        ["citizen.email"] = "email",
        ["location"] = "lat, long",
        ["location.address"] = "address_string",
    };

    public static IErrorResponseFormat Format { get; } = new ArrayFormat();

    public static IResult Of(int statusCode, IEnumerable<string> descriptions) =>
        Results.Json(descriptions.Select(d => new Open311Error(statusCode, d)).ToList(), statusCode: statusCode);

    public static IResult BadRequest(string description) => Of(StatusCodes.Status400BadRequest, [description]);

    public static IResult NotFound(string description) => Of(StatusCodes.Status404NotFound, [description]);

    public static IResult UnsupportedFormat() =>
        NotFound(Domain.Text.Catalogue.Render(Open311Texts.JsonOnly));

    /// <summary>The validator's field errors rendered in Persian, each prefixed with the Open311 parameter it is about.</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, Message[]> errors) =>
        Of(StatusCodes.Status400BadRequest,
            errors.SelectMany(e => e.Value.Select(m => $"{Parameters.GetValueOrDefault(e.Key, e.Key)}: {Catalogue.Render(m)}")));

    private sealed class ArrayFormat : IErrorResponseFormat
    {
        public IResult Create(int statusCode, string description) => Of(statusCode, [description]);
    }
}
