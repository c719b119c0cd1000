namespace Sked.Workflows.Web.Http;

/// <summary>Answers the HTTP pipeline itself gives (rate limit); the sentences are in the catalogue.</summary>
public static class HttpTexts
{
    /// <summary>The link back to the portal's first page.</summary>
    public const string Back = "http.back";

    public const string TooManyRequests = "http.too-many-requests";

    /// <summary>POST /login without a user name or password.</summary>
    public const string LoginFieldsRequired = "http.login-fields-required";

    /// <summary>A state-changing API call from another site's page, carrying a staff member's cookie.</summary>
    public const string CrossSiteRefused = "http.cross-site-refused";

    /// <summary>The database cannot serve for now (503).</summary>
    public const string Unavailable = "http.unavailable";

    public const string UnavailableDetail = "http.unavailable-detail";

    /// <summary>A body that could not be read (malformed JSON and the like).</summary>
    public const string BadRequest = "http.bad-request";
}
