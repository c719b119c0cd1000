namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>One generated request: enough written down to send it again by hand.</summary>
/// <param name="Client">Who sends it: "anonymous", a staff user name, or a portal form's session.</param>
/// <param name="Path">Already percent-encoded path and query.</param>
/// <param name="Body">The body as text (a multipart body's fields and file names), for the report.</param>
/// <param name="Content">Builds the body afresh for each send.</param>
public sealed record FuzzRequest(string Client, string Method, string Path, string Body, Func<HttpContent?> Content)
{
    public HttpRequestMessage ToMessage() => new(new HttpMethod(Method), Path) { Content = Content() };

    public string Describe(string status) =>
        $"{status} {Method} {Path} as {Client}" + (Body.Length == 0 ? "" : " body: " + Snippet(Body));

    private static string Snippet(string body) =>
        body.Length <= 300 ? body : body[..300] + $"… ({body.Length} chars)";
}
