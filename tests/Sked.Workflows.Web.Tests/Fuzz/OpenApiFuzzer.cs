using System.Text;
using System.Text.Json.Nodes;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>Turns an operation of the OpenAPI document into a hostile request: path, query and body mutated.</summary>
public sealed class OpenApiFuzzer(SchemaValues values, Random random)
{
    private static readonly string[] PathTricks =
    [
        "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%5c", "%00", "a%2fb", "%252e%252e%252f", "%C0%AE%C0%AE", "%ED%A0%80", "%FF%FE",
        "-1", "0", "2147483648", "9223372036854775808", "1e309", "NaN", "00000000-0000-0000-0000-000000000000", "%20", "~", ".", "..;",
    ];

    private static readonly string[] WrongMediaTypes = ["text/plain", "application/xml", "multipart/form-data", "application/json; charset=utf-16", ""];

    public FuzzRequest Request(OpenApiOperation operation, string client)
    {
        var path = Path(operation);
        if (operation.BodySchema is null && random.Next(8) != 0)
        {
            return new FuzzRequest(client, operation.Method, path, "", () => null);
        }

        var body = random.Next(7) == 0 ? HostileValues.RawBody(random) : FuzzEncoding.Json(values.Mutated(operation.BodySchema)?.ToJsonString() ?? "null");
        var media = random.Next(10) == 0 ? HostileValues.Pick(random, WrongMediaTypes) : operation.BodyMediaType ?? "application/json";
        return new FuzzRequest(client, operation.Method, path, body, () => Content(body, media));
    }

    private string Path(OpenApiOperation operation)
    {
        var path = operation.PathTemplate;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            path = path.Replace("{" + parameter.Name + "}", PathValue(parameter), StringComparison.Ordinal);
        }

        var query = operation.Parameters.Where(p => p.In == "query" && random.Next(10) < 7)
            .Select(p => FuzzEncoding.Percent(p.Name) + "=" + QueryValue(p)).ToList();
        if (random.Next(6) == 0)
        {
            query.Add(FuzzEncoding.Percent(HostileValues.Pick(random, HostileValues.Texts)) + "=" + FuzzEncoding.Url(HostileValues.Text(random)));
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private string PathValue(OpenApiParameter parameter) => random.Next(5) switch
    {
        0 => FuzzEncoding.Percent(values.PlausibleText(parameter.Schema)),
        1 => HostileValues.Pick(random, PathTricks),
        _ => FuzzEncoding.Url(HostileValues.Text(random) is { Length: > 0 } text ? text : "%20"),
    };

    private string QueryValue(OpenApiParameter parameter) => random.Next(3) == 0
        ? FuzzEncoding.Percent(values.PlausibleText(parameter.Schema))
        : FuzzEncoding.Url(HostileValues.Text(random));

    private static ByteArrayContent Content(string body, string media)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (media.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", media);
        }

        return content;
    }
}
