using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Sla;

/// <summary>
/// The SLA report as files: CSV (UTF-8 with BOM so Excel reads Persian; one section after another, each with
/// its header) and an Excel workbook (ClosedXML; a right-to-left sheet per section). Persian headers and
/// labels; numbers as numbers, dates Jalali. GET /api/v1/sla/export?format=csv|xlsx and the page's links.
/// </summary>
public static class SlaExport
{
    private sealed record Section(string Title, string[] Header, List<object[]> Rows);

    public static byte[] Csv(SlaReport.Report report, DepartmentDirectory departments)
    {
        var text = new StringBuilder();
        foreach (var section in Sections(report, departments))
        {
            text.Append(Http.Csv.Line(section.Title));
            text.Append(Http.Csv.Line(section.Header));
            foreach (var row in section.Rows)
            {
                text.Append(Http.Csv.Line(row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            text.Append("\r\n");
        }

        return [.. Http.Csv.Encoding.GetPreamble(), .. Http.Csv.Encoding.GetBytes(text.ToString())];
    }

    public static byte[] Excel(SlaReport.Report report, DepartmentDirectory departments)
    {
        using var book = new XLWorkbook();
        var number = 0;
        foreach (var section in Sections(report, departments))
        {
            // Sheet names are at most 31 characters and unique.
            var sheet = book.Worksheets.Add($"{++number}-{section.Title}"[..Math.Min(31, section.Title.Length + 2)]);
            sheet.RightToLeft = true;
            for (var c = 0; c < section.Header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(section.Header[c]);
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }

            for (var r = 0; r < section.Rows.Count; r++)
            {
                for (var c = 0; c < section.Rows[r].Length; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (section.Rows[r][c])
                    {
                        case int whole:
                            cell.SetValue(whole);
                            break;
                        case double fraction:
                            cell.SetValue(fraction);
                            break;
                        case var other:
                            cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty);
                            break;
                    }
                }
            }

            // A fixed width: measuring the contents would need GDI+ (libgdiplus), which servers here lack.
            sheet.Columns(1, section.Header.Length).Width = 22;
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static List<Section> Sections(SlaReport.Report report, DepartmentDirectory departments)
    {
        string Department(string? code) => code is null or "-" ? "-" : departments.ByCode.GetValueOrDefault(code, code);
        string Type(string code) => CaseTypes.PersianNames.GetValueOrDefault(code, code);
        string Channel(string code) => Catalogue.Label(SlaTexts.ChannelFamily, code);
        string[] ComplianceHeader(string key) => [Catalogue.Text(key), Catalogue.Text(SlaTexts.OnTime), Catalogue.Text(SlaTexts.Late), Catalogue.Text(SlaTexts.Open)];
        List<object[]> ComplianceRows(IEnumerable<SlaReport.Compliance> rows, Func<string, string> name) =>
            [.. rows.Select(r => new object[] { name(r.Key), r.OnTime, r.Late, r.Open })];

        return
        [
            new(Catalogue.Text(SlaTexts.OpenByAge), [Catalogue.Text(SlaTexts.Age), Catalogue.Text(SlaTexts.Count)],
                [.. report.OpenByAge.Select(b => new object[] { Catalogue.Label(SlaTexts.AgeFamily, b.Key), b.Count })]),
            new(Catalogue.Text(SlaTexts.ByDepartment), ComplianceHeader(SlaTexts.Department), ComplianceRows(report.ByDepartment, Department)),
            new(Catalogue.Text(SlaTexts.ByCaseType), ComplianceHeader(SlaTexts.CaseType), ComplianceRows(report.ByCaseType, Type)),
            new(Catalogue.Text(SlaTexts.ByChannel), ComplianceHeader(SlaTexts.Channel), ComplianceRows(report.ByChannel, Channel)),
            new(Catalogue.Text(SlaTexts.ByMonth),
                [Catalogue.Text(SlaTexts.Month), Catalogue.Text(SlaTexts.Department), Catalogue.Text(SlaTexts.CaseType), Catalogue.Text(SlaTexts.Channel), Catalogue.Text(SlaTexts.OnTime), Catalogue.Text(SlaTexts.Late)],
                [.. report.ByMonth.Select(m => new object[] { m.Month, Department(m.Department), Type(m.CaseType), Channel(m.Channel), m.OnTime, m.Late })]),
            new(Catalogue.Text(SlaTexts.Overdue),
                [Catalogue.Text(SlaTexts.TrackingCode), Catalogue.Text(SlaTexts.CaseType), Catalogue.Text(SlaTexts.Department), Catalogue.Text(SlaTexts.Promised), Catalogue.Text(SlaTexts.DaysLate), Catalogue.Text(SlaTexts.Holder)],
                [.. report.Overdue.Select(o => new object[] { o.TrackingCode, Type(o.CaseType), Department(o.Department), JalaliDate.FormatAscii(JalaliDate.LocalDate(o.PromisedAt)), o.WorkingDaysLate, o.Holder ?? "-" })]),
        ];
    }

    public static RouteGroupBuilder MapSla(this RouteGroupBuilder api)
    {
        string[] roles = [Domain.Staff.Roles.DepartmentHead, Domain.Staff.Roles.CeoOffice, Domain.Staff.Roles.Admin];
        var sla = api.MapGroup("/sla").WithTags("SLA");
        sla.MapGet("/", async (HttpContext http, SlaReport.Handler handler, CancellationToken ct) =>
            await handler.HandleAsync(http.Member(), ct) is { } report ? Results.Ok(report) : Results.Forbid())
            .RequireAuthorization(p => p.RequireRole(roles));
        sla.MapGet("/export", async (string? format, HttpContext http, SlaReport.Handler handler, DepartmentDirectory departments, CancellationToken ct) =>
        {
            if (await handler.HandleAsync(http.Member(), ct) is not { } report)
            {
                return Results.Forbid();
            }

            return format == "xlsx"
                ? Results.File(Excel(report, departments), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sla.xlsx")
                : Results.File(Csv(report, departments), "text/csv; charset=utf-8", "sla.csv");
        })
            // Bearer for API clients, and the staff cookie for the page's download links.
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme).RequireRole(roles));
        return api;
    }
}
