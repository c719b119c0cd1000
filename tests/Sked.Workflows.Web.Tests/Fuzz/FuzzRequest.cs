namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>One generated request: enough written down to send it again by hand.</summary>
/// <param name="Client">Who sends it: "anonymous", a staff user name, or a portal form's session.</param>
/// <param name="Path">Already percent-encoded path and query.</param>
/// <param name="Body">The body as text (a multipart body's fields and file names), for the report.</param>
/// <param name="Content">Builds the body afresh for each send.</param>
public sealed record FuzzRequest(string Client, string Method, string Path, string Body, Func<HttpContent?> Content)
{
    // Above this a body is sent as curl sends one: after the server's "100 Continue". A server that refuses the
    // request without reading its body (401, 404, 414) answers at once and closes; a client still uploading a
    // megabyte then sees its upload cut instead of the answer (docs/reliability.md, fuzz suite).
    private const int AskBeforeSending = 64 * 1024;

    public HttpRequestMessage ToMessage() =>
        new(new HttpMethod(Method), Path) { Content = Content(), Headers = { ExpectContinue = Body.Length > AskBeforeSending } };

    public string Describe(string status) =>
        $"{status} {Method} {Path} as {Client}" + (Body.Length == 0 ? "" : " body: " + Snippet(Body));

    private static string Snippet(string body) =>
        body.Length <= 300 ? body : body[..300] + $"… ({body.Length} chars)";
}
