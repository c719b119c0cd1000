using System.Text;

namespace Sked.Workflows.Web.Http;

/// <summary>CSV for exports (RFC 4180), UTF-8 with a byte-order mark so spreadsheet programs show Persian text.</summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Line(params IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>
    /// Quotes a field when it needs it; a field a spreadsheet would run as a formula (=, +, -, @ first)
    /// gets a leading apostrophe, so an exported citizen text cannot become a formula.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Streams lines to the response as a file download.</summary>
    public static IResult File(string fileName, Func<StreamWriter, Task> write) => Results.Stream(async body =>
    {
        await using var writer = new StreamWriter(body, Encoding);
        await write(writer);
    }, ContentType, fileName);
}
