using System.Net.Http.Headers;
using System.Text;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// The citizen portal's server-rendered forms posted back with mutated fields (with the session's
/// antiforgery token, or a broken one), the report form as multipart with polyglot photos, and the
/// portal's pages fetched with hostile route and query values.
/// </summary>
public sealed class PortalFormFuzzer(Random random, string antiforgeryToken, IReadOnlyList<string> knownTexts)
{
    public const string Client = "portal";

    private static readonly (string Path, string Handler, string[] Fields)[] Forms =
    [
        ("/ceo", "ask-ceo", ["Form.Subject", "Form.Body", "Form.Name", "Form.NationalCode", "Form.Mobile", "Form.Email", "Form.AnswerType", "Form.Deflected", "Form.Website"]),
        ("/send/complaint", "send-case", ["Form.Subject", "Form.Body", "Form.Name", "Form.NationalCode", "Form.Mobile", "Form.Email", "Form.Anonymous", "Form.Deflected"]),
        ("/send/suggestion", "send-case", ["Form.Subject", "Form.Body", "Form.Name", "Form.Mobile", "Form.Type"]),
        ("/track", "track", ["Query.Code", "Query.Password"]),
        ("/track", "reply", ["Reply.Code", "Reply.Password", "Reply.Text"]),
    ];

    private static readonly string[] ReportFields =
        ["Form.Category", "Form.Subject", "Form.Body", "Form.Address", "Form.Lat", "Form.Lng", "Form.Anonymous", "Form.Name", "Form.Mobile", "Form.Website"];

    private static readonly string[] Pages = ["/faq?q=", "/receipt/", "/send/", "/track?code=", "/?", "/ceo?Form.Subject="];

    public FuzzRequest Next() => random.Next(5) switch
    {
        0 => Report(),
        1 => Page(),
        _ => Form(),
    };

    private FuzzRequest Form()
    {
        var (path, handler, names) = HostileValues.Pick(random, Forms);
        var fields = Common(handler).Concat(names.Where(_ => random.Next(5) != 0).Select(n => KeyValuePair.Create(n, Value(n)))).ToList();
        var body = FuzzEncoding.Form(fields);
        return new FuzzRequest(Client, "POST", path, body, () => new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
    }

    private FuzzRequest Report()
    {
        var fields = Common("report").Concat(ReportFields.Where(_ => random.Next(5) != 0).Select(n => KeyValuePair.Create(n, Value(n)))).ToList();
        var files = Enumerable.Range(0, random.Next(0, 5)).Select(_ => PolyglotFiles.Next(random)).ToList();
        // The files first: a long field would push them out of the failure report's snippet.
        var text = string.Concat(files.Select(f => $"[file {f.Name} {f.MediaType} {f.Bytes.Length} bytes: {Convert.ToHexString(f.Bytes.AsSpan(0, Math.Min(16, f.Bytes.Length)))}] "))
            + string.Join('&', fields.Select(f => f.Key + "=" + f.Value));
        return new FuzzRequest(Client, "POST", "/report", text, () => Multipart(fields, files));
    }

    private FuzzRequest Page()
    {
        var path = HostileValues.Pick(random, Pages) + FuzzEncoding.Url(random.Next(3) == 0 && knownTexts.Count > 0 ? HostileValues.Pick(random, knownTexts) : HostileValues.Text(random));
        return new FuzzRequest(Client, "GET", path, "", () => null);
    }

    private IEnumerable<KeyValuePair<string, string>> Common(string handler)
    {
        if (random.Next(12) != 0)
        {
            yield return KeyValuePair.Create("_handler", random.Next(15) == 0 ? HostileValues.Text(random) : handler);
        }

        var token = random.Next(12) switch
        {
            0 => null,
            1 => HostileValues.Text(random),
            _ => antiforgeryToken,
        };
        if (token is not null)
        {
            yield return KeyValuePair.Create("__RequestVerificationToken", token);
        }
    }

    private string Value(string field) => random.Next(3) switch
    {
        0 => field switch
        {
            "Form.Mobile" => "09123456789",
            "Form.Lat" => "30.28",
            "Form.Lng" => "57.07",
            "Form.Anonymous" => "true",
            "Form.AnswerType" => "private",
            "Form.Category" => "hazard",
            "Query.Code" or "Reply.Code" when knownTexts.Count > 0 => HostileValues.Pick(random, knownTexts),
            _ => "برق خیابان ما از دیشب قطع است و هنوز وصل نشده",
        },
        _ => HostileValues.Text(random),
    };

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields, List<(string Name, string MediaType, byte[] Bytes)> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(FuzzEncoding.Plain(value)), name);
        }

        foreach (var (name, media, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            if (media.Length > 0)
            {
                file.Headers.TryAddWithoutValidation("Content-Type", media);
            }

            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"photos\"", FileNameStar = name };
            content.Add(file);
        }

        return content;
    }
}
