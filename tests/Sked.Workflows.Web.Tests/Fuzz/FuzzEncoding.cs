using System.Text;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// Writes hostile text into URLs, form bodies and JSON by hand, because the framework's encoders
/// refuse half a surrogate pair — the very input the fuzzer wants to send.
/// </summary>
public static class FuzzEncoding
{
    /// <summary>Percent-encodes every byte outside the unreserved set; the lone-surrogate mark becomes its (invalid) UTF-8 bytes.</summary>
    public static string Percent(string text)
    {
        var parts = text.Split(HostileValues.LoneSurrogate);
        return string.Join("%ED%A0%80", parts.Select(PercentBytes));
    }

    /// <summary>
    /// Percent-encoded for a URL, cut at 16,000 characters: past Kestrel's 8 KB request line the answer
    /// is 414 whatever the length, and a URL of megabytes only gets the connection reset mid-send.
    /// </summary>
    public static string Url(string text)
    {
        var encoded = Percent(text);
        if (encoded.Length <= 16_000)
        {
            return encoded;
        }

        var cut = encoded[..16_000];
        var escape = cut.LastIndexOf('%');
        return escape > cut.Length - 3 ? cut[..escape] : cut;
    }

    /// <summary>JSON text with the lone-surrogate mark written as the escape \ud800.</summary>
    public static string Json(string serialized) => serialized.Replace(HostileValues.LoneSurrogate, "\\ud800", StringComparison.Ordinal);

    /// <summary>Text for a multipart part or a header-free field: the mark becomes the replacement a lenient encoder would write.</summary>
    public static string Plain(string text) => text.Replace(HostileValues.LoneSurrogate, "\ud800", StringComparison.Ordinal);

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Percent(f.Key) + "=" + Percent(f.Value)));

    private static string PercentBytes(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
