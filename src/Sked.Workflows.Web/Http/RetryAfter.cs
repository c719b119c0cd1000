using System.Globalization;

namespace Sked.Workflows.Web.Http;

/// <summary>The Retry-After header of a 429 or 503: whole seconds, rounded up so a client never comes back too early.</summary>
internal static class RetryAfter
{
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(0, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
