using System.Text.Json.Nodes;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// The corpus: text and JSON values that have broken web apps before — wrong types, edges of
/// numbers and dates, unicode that is legal but awkward (Arabic ي/ك, ZWNJ, RTL marks) or illegal
/// (NUL, half a surrogate pair), injection strings and path tricks.
/// </summary>
public static class HostileValues
{
    /// <summary>Stands for a lone UTF-16 surrogate; the encoders write it as the raw escape or bytes (a serializer would refuse it).</summary>
    public const string LoneSurrogate = "~lone-surrogate~";

    public static readonly string[] Texts =
    [
        "", " ", "\u0000", "a\u0000b", LoneSurrogate, "x" + LoneSurrogate + "y", "\uFFFE", "\uFEFF", "𝕊𝕜𝕖𝕕",
        "يك", "كيفيت برق", "می\u200cخواهم", "\u202Egpj.exe", "\u200F\u200E", "ـــ", "۱۲۳۴۵۶۷۸۹۰", "٠١٢٣٤٥٦٧٨٩",
        "' OR '1'='1", "'; DROP TABLE \"Cases\"; --", "1; SELECT pg_sleep(0)", "\\", "%", "_", "*", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}", "@{1+1}", "\r\nX-Injected: 1",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "/", "//", "CON", "nul.txt",
        "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN", "Infinity", "true", "null", "[]", "{}",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1399-13-40", "2026-02-30", "00000000-0000-0000-0000-000000000000",
        "09123456789", "۰۹۱۲۳۴۵۶۷۸۹", "complaint", "public-report", "hazard", "edesk", "admin",
    ];

    /// <summary>Numbers at the edges of int, long and double, written as raw JSON so none is rounded away.</summary>
    public static readonly string[] RawNumbers =
    [
        "0", "-1", "1.5", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "1e308", "-1e308", "1e309", "5e-324", "1E+2", "-0", "0.0000001",
        "123456789012345678901234567890",
    ];

    public static string Text(Random random) => random.Next(12) switch
    {
        0 => new string(Pick(random, ['ش', 'a', '\u200c', '0', 'ي']), random.Next(10_000, 300_000)),
        1 => string.Concat(Enumerable.Repeat(Pick(random, Texts), random.Next(2, 50))),
        _ => Pick(random, Texts),
    };

    /// <summary>A JSON value of any type, often not the one the schema asks for.</summary>
    public static JsonNode? Json(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 or 3 => JsonNode.Parse(Pick(random, RawNumbers)),
        4 => new JsonArray(Json(random), JsonValue.Create(Pick(random, Texts))),
        5 => new JsonObject { [Pick(random, Texts)] = JsonValue.Create(Pick(random, Texts)) },
        6 => Deep(random.Next(5, 80)),
        _ => JsonValue.Create(Text(random)),
    };

    /// <summary>Bodies that are not JSON, or JSON nested past any sane depth.</summary>
    public static string RawBody(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => new string('[', random.Next(100, 100_000)),
        2 => string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000),
        3 => "{\"a\":\"\\ud800\"}",
        4 => "{\"type\": \"complaint\", \"subject\": ",
        5 => "\u0000\u0001\u0002",
        6 => "null",
        _ => "{\"x\":" + new string('9', random.Next(400, 5000)) + "}",
    };

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create("deep");
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["d"] = node };
        }

        return node;
    }
}
