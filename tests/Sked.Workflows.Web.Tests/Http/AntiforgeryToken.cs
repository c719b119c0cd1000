using System.Text.RegularExpressions;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>Reads a server-rendered form's antiforgery token, as the browser would post it back.</summary>
public static partial class AntiforgeryToken
{
    /// <summary>GETs the page with the client (so its antiforgery cookie is set) and returns the form's token.</summary>
    public static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var token = Field().Match(html).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "the form has no antiforgery token");
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Field();
}
