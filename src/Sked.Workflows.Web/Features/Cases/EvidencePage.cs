using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>
/// GET /api/v1/cases/{trackingCode}/evidence (Auditor): the evidence pack as a printable Persian page —
/// right to left, Jalali dates, plain server-rendered HTML with a print stylesheet and no script.
/// </summary>
[FeatureContract]
public static class EvidencePage
{
    // Persian text stays readable in the source; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static RouteGroupBuilder MapEvidencePage(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{trackingCode}/evidence", Render)
            .RequireAuthorization(Policies.Auditor)
            .WithTags("Audit")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The page, or 400/404; also served to a signed-in auditor at /staff/audit/cases/{code}/evidence.</summary>
    public static async Task<IResult> Render(string trackingCode, SkedDbContext db, AuditChain chain, DepartmentDirectory departments,
        StaffArea.StaffNames names, TimeProvider time, CancellationToken cancellationToken)
    {
        var (evidence, error) = await EvidencePack.LoadAsync(trackingCode, db, chain, departments, time, cancellationToken);
        if (evidence is null)
        {
            return error!;
        }

        await names.LoadAsync(cancellationToken);
        return Results.Content(Html(evidence, names.Of), "text/html; charset=utf-8");
    }

    /// <param name="evidence">What the pack holds.</param>
    /// <param name="nameOf">A recorded actor's name for people to read; without it the login is shown.</param>
    public static string Html(EvidencePack.Evidence evidence, Func<string?, string>? nameOf = null)
    {
        var html = new StringBuilder();
        var who = Who(nameOf ?? (login => login ?? "—"));
        Case(html, evidence.Case, evidence.Proof);
        Timeline(html, evidence.Timeline);
        Answers(html, evidence.Answers, who);
        Attachments(html, evidence.Attachments);
        Events(html, evidence.Events, evidence.Proof, who);
        Proof(html, evidence.Proof);
        return html.ToString();
    }

    private static void Case(StringBuilder html, EvidencePack.CaseSummary c, EvidencePack.ChainProof proof)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="fa" dir="rtl">
            <head><meta charset="utf-8"><title>پرونده مستندات {E(Fa(c.TrackingCode))}</title>
            <link rel="stylesheet" href="/css/evidence.css"></head>
            <body><main>
            <h1>پرونده مستندات حسابرسی</h1>
            <p class="org">شرکت توزیع نیروی برق جنوب استان کرمان — تهیه‌شده در {E(Domain.Calendar.JalaliDate.Format(proof.ExportedAt))} (به وقت ایران)</p>
            <dl class="case">
            <dt>کد رهگیری</dt><dd class="ltr">{E(Fa(c.TrackingCode))}</dd>
            <dt>نوع</dt><dd>{E(c.TypeName)}</dd>
            <dt>موضوع</dt><dd>{E(c.Subject)}</dd>
            <dt>وضعیت</dt><dd>{E(c.StatusLabel)}</dd>
            <dt>واحد</dt><dd>{E(c.DepartmentName ?? c.Department ?? "—")}</dd>
            <dt>ثبت</dt><dd>{E(c.CreatedAtJalali)}</dd>
            <dt>گزارش‌دهنده</dt><dd>{(c.Anonymous ? "ناشناس" : "مشخصات تماس در این پرونده آورده نشده است")}</dd>
            </dl>
            <h2>متن درخواست</h2><p class="body">{E(c.Body)}</p>

            """);
        if (c.Answer is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>پاسخ منتشرشده</h2><p class=\"body\">{E(c.Answer)}</p>\n");
        }
    }

    private static void Timeline(StringBuilder html, IReadOnlyList<EvidencePack.TimelineRow> timeline)
    {
        html.Append("<h2>روند پرونده</h2>\n<table><thead><tr><th>زمان</th><th>وضعیت</th></tr></thead><tbody>\n");
        foreach (var t in timeline)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.AtJalali)}</td><td>{E(t.Label)}{(t.Detail is null ? "" : " — " + E(t.Detail))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Answers(StringBuilder html, IReadOnlyList<EvidencePack.AnswerRow> answers, Func<string?, string> who)
    {
        html.Append("<h2>کارها و پاسخ‌های کارکنان</h2>\n<table><thead><tr><th>مرحله</th><th>نتیجه</th><th>انجام‌دهنده</th><th>زمان</th><th>داده‌های فرم</th></tr></thead><tbody>\n");
        foreach (var a in answers)
        {
            var data = string.Join("<br>", a.Data.Select(d => $"{E(d.Key)}: {E(d.Value)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(a.Title)}</td><td class=\"ltr\">{E(a.Outcome ?? a.Status)}</td><td>{who(a.CompletedBy)}</td><td>{E(a.CompletedAtJalali ?? "—")}</td><td>{data}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Attachments(StringBuilder html, IReadOnlyList<EvidencePack.AttachmentRow> attachments)
    {
        html.Append("<h2>پیوست‌ها</h2>\n");
        if (attachments.Count == 0)
        {
            html.Append("<p>پیوستی ندارد.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>نام پرونده</th><th>اندازه (بایت)</th><th>SHA-256</th></tr></thead><tbody>\n");
        foreach (var a in attachments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"ltr\">{E(a.FileName)}</td><td>{E(Fa(a.Size.ToString(CultureInfo.InvariantCulture)))}</td><td class=\"hash\">{E(a.Sha256)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Events(StringBuilder html, IReadOnlyList<Audit.AuditEventView> events, EvidencePack.ChainProof proof, Func<string?, string> who)
    {
        html.Append("<h2>رویدادهای ثبت‌شده (به ترتیب زنجیره)</h2>\n<table class=\"events\"><thead><tr><th>ردیف زنجیره</th><th>زمان</th><th>رویداد</th><th>کاربر</th><th>نشانی</th><th>درهم‌سازی</th><th>پیوند</th></tr></thead><tbody>\n");
        var linked = proof.Links.ToDictionary(l => l.Seq, l => l.Linked);
        foreach (var e in events)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Fa(e.Seq.ToString(CultureInfo.InvariantCulture)))}</td><td>{E(e.AtJalali)}</td><td class=\"ltr\">{E(e.Type)}</td><td>{who(e.Actor)}</td><td class=\"ltr\">{E(e.ClientAddress ?? "—")}</td><td class=\"hash\">{E(e.Hash)}</td><td>{(linked.GetValueOrDefault(e.Seq) ? "✔" : "✘")}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Proof(StringBuilder html, EvidencePack.ChainProof proof) => html.Append(CultureInfo.InvariantCulture, $"""
        <h2>اثبات زنجیره</h2>
        <p>{(proof.AllLinked ? "پیوند همه رویدادهای این پرونده با رویداد پیش از خود، با کلید زنجیره، درست است." : "پیوند برخی رویدادها درست نیست؛ زنجیره را با «audit verify» بررسی کنید.")}</p>
        {string.Concat(proof.Heads.Select(h => $"<p>سر رشته {E(Fa(h.Lane.ToString(CultureInfo.InvariantCulture)))} زنجیره هنگام تهیه: ردیف {E(Fa(h.Seq.ToString(CultureInfo.InvariantCulture)))}، درهم‌سازی <span class=\"hash\">{E(h.Hash)}</span></p>"))}
        <p class="note">برای اطمینان از بازنویسی‌نشدن گزارش، درهم‌سازی‌ها را با نقاط بازبینی روزانه‌ای که بیرون از شرکت نگه داشته می‌شوند مقایسه کنید.</p>
        </main></body></html>
        """);

    private static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    private static string Fa(string text) => PersianText.ToPersianDigits(text);

    // A person by name, with the recorded login beside it: the pack is evidence, the login is what the chain holds.
    private static Func<string?, string> Who(Func<string?, string> nameOf) => login =>
    {
        var name = nameOf(login);
        return login is null || name == login ? $"<span class=\"ltr\">{E(name)}</span>" : $"{E(name)} (<span class=\"ltr\">{E(login)}</span>)";
    };
}
