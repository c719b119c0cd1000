namespace Sked.Workflows.Web.Http;

/// <summary>Answers the HTTP pipeline itself gives (rate limit); the sentences are in the catalogue.</summary>
public static class HttpTexts
{
    /// <summary>The link back to the portal's first page.</summary>
    public const string Back = "http.back";

    public const string TooManyRequests = "http.too-many-requests";
}
