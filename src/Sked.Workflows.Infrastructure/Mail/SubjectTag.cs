using System.Text.RegularExpressions;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// The tag [SKED-&lt;tracking code&gt;] every mail of ours carries in its subject, so a reply finds
/// its case even when the citizen's program drops the In-Reply-To header.
/// </summary>
public static partial class SubjectTag
{
    public static string For(string trackingCode) => $"[SKED-{trackingCode}]";

    /// <summary>The subject with the case's tag, once.</summary>
    public static string Tagged(string subject, string trackingCode) =>
        subject.Contains(For(trackingCode), StringComparison.Ordinal) ? subject : $"{subject} {For(trackingCode)}";

    /// <summary>The tag as written in a subject (null without one), and the code when its check digit holds.</summary>
    public static (string? Written, TrackingCode? Code) Find(string subject)
    {
        var match = Tag().Match(PersianText.ToAsciiDigits(subject));
        if (!match.Success)
        {
            return (null, null);
        }

        return TrackingCode.TryParse(match.Groups["code"].Value, out var code) ? (match.Value, code) : (match.Value, null);
    }

    [GeneratedRegex(@"\[\s*SKED\s*-\s*(?<code>[0-9\s-]{1,30}?)\s*\]", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
