using System.Text;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>
/// The calendar's holidays and closures as CSV (UTF-8, RFC 4180 quoting): kind (holiday | closure),
/// from, to (ISO yyyy-MM-dd or Jalali yyyy/MM/dd on import), from_jalali, to_jalali (written for people,
/// ignored on import), title (holiday) or reason (closure), confirmed (true | false).
/// </summary>
public static class CalendarCsv
{
    public const string Header = "kind,from,to,from_jalali,to_jalali,title,confirmed";

    public sealed record Row(string Kind, DateOnly From, DateOnly To, string Title, bool Confirmed);

    public static string Write(IEnumerable<Holiday> holidays, IEnumerable<Closure> closures)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var holiday in holidays.OrderBy(h => h.Date))
        {
            Line(text, "holiday", holiday.Date, holiday.Date, holiday.Title, holiday.Confirmed);
        }

        foreach (var closure in closures.OrderBy(c => c.From))
        {
            Line(text, "closure", closure.From, closure.To, closure.Reason, confirmed: true);
        }

        return text.ToString();
    }

    /// <summary>The rows of a file, or the first line that is wrong (its number and what is wrong).</summary>
    public static (IReadOnlyList<Row> Rows, string? Error) Read(string text)
    {
        var rows = new List<Row>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith("kind,", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = Fields(line);
            if (fields.Count < 6 || fields[0] is not ("holiday" or "closure")
                || !JalaliDate.TryParseDay(fields[1], out var from) || !JalaliDate.TryParseDay(fields[2].Length == 0 ? fields[1] : fields[2], out var to) || to < from)
            {
                return ([], Catalogue.Render(CalendarTexts.CsvLine, Catalogue.Number(i + 1), Catalogue.Text(CalendarTexts.DateInvalid)));
            }

            var title = PersianText.Normalize(fields[5]);
            if (title.Length == 0)
            {
                return ([], Catalogue.Render(CalendarTexts.CsvLine, Catalogue.Number(i + 1), Catalogue.Text(CalendarTexts.TitleRequired)));
            }

            var confirmed = fields.Count < 7 || !string.Equals(fields[6].Trim(), "false", StringComparison.OrdinalIgnoreCase);
            rows.Add(new Row(fields[0], from, to, title, confirmed));
        }

        return rows.Count == 0 ? ([], Catalogue.Text(CalendarTexts.CsvEmpty)) : (rows, null);
    }

    private static void Line(StringBuilder text, string kind, DateOnly from, DateOnly to, string title, bool confirmed) =>
        text.Append(kind).Append(',').Append(GetCalendar.Iso(from)).Append(',').Append(GetCalendar.Iso(to)).Append(',')
            .Append(JalaliDate.FormatAscii(from)).Append(',').Append(JalaliDate.FormatAscii(to)).Append(',')
            .Append(Http.Csv.Field(title)).Append(',').Append(confirmed ? "true" : "false").Append('\n');

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
