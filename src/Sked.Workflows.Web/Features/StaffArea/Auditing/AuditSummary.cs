using System.Globalization;
using System.Text.Json;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>
/// An audit event's data as one Persian sentence for the auditor's timeline; the raw JSON stays in
/// the evidence pack. An event type this does not know is shown as its fields, so nothing is hidden.
/// </summary>
public static class AuditSummary
{
    public static string Describe(string type, JsonElement data, IReadOnlyDictionary<string, string> nodeLabels,
        IReadOnlyDictionary<string, string> departments)
    {
        string Text(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                _ => value.GetRawText(),
            }
            : "";
        string Node(string name = "node") => nodeLabels.GetValueOrDefault(Text(name), Text(name));
        string Department(string name = "department") => Text(name) is { Length: > 0 } code ? departments.GetValueOrDefault(code, code) : "—";
        string Status(string name) => Text(name) is { Length: > 0 } status ? CaseStatuses.PersianLabels.GetValueOrDefault(status, status) : "—";

        var sentence = type switch
        {
            "case.received" => $"پرونده «{CaseTypes.PersianNames.GetValueOrDefault(Text("type"), Text("type"))}» ثبت شد",
            "instance.started" => $"گردش کار {Text("definition")} نسخه {Text("version")} آغاز شد",
            "instance.completed" => $"گردش کار در گام «{Node()}» به پایان رسید",
            "node.entered" => $"ورود به گام «{Node()}»",
            "node.left" => $"خروج از گام «{Node()}» با نتیجه «{Text("outcome")}»",
            "node.failed" => $"خطا در گام «{Node()}» (تلاش {Text("attempt")}): {Text("error")}",
            "incident.raised" => $"گام «{Node()}» پس از {Text("attempts")} تلاش متوقف شد: {Text("error")}",
            "incident.retried" => "اجرای دوباره گام متوقف‌شده",
            "case.status-changed" => $"وضعیت از «{Status("before")}» به «{Status("after")}» تغییر کرد",
            "case.field-changed" => $"{Field(Text("field"))}: «{Value(Text("field"), Text("before"), departments)}» ← «{Value(Text("field"), Text("after"), departments)}»",
            "routing.decided" => $"پیشنهاد واحد: {Department()}",
            "decision.taken" => $"تصمیم خودکار: «{Text("outcome")}» (قاعده {Text("rule")})",
            "task.opened" => $"کار برای نقش {Text("role")}{(Text("department").Length > 0 ? " در واحد " + Department() : "")} باز شد{Due(Text("dueAt"))}",
            "task.claimed" => $"کار را {Text("assignee")} برداشت",
            "task.released" => "کار به صف برگشت",
            "task.assigned" => $"کار به {Text("assignee")} سپرده شد",
            "task.completed" => $"کار با نتیجه «{Text("outcome")}» انجام شد{FormData(data)}",
            "timer.scheduled" => $"زمان‌سنج {Kind(Text("kind"))} تنظیم شد{Due(Text("dueAt"))}",
            "timer.fired" => $"زمان‌سنج {Kind(Text("kind"))} سر رسید",
            "timer.cancelled" => $"زمان‌سنج {Kind(Text("kind"))} لغو شد",
            "escalation.reminded" => $"یادآوری دیرکرد به کارکنان (مرحله {Text("step")})",
            "escalation.reassigned" => $"تشدید: کار به مدیر واحد {Department()} سپرده شد",
            "notification.queued" => $"پیام {Channel(Text("channel"))} برای ارسال صف شد",
            "notification.skipped" => $"پیام {Channel(Text("channel"))} فرستاده نشد (نشانی ندارد)",
            "answer.published" => "پاسخ برای شهروند منتشر شد",
            "faq.counted" => "پرسش برای پرسش‌های متداول شمرده شد",
            "faq.promoted" => $"پرسش به پرسش‌های متداول رفت (تکرار {Text("repeats")})",
            _ => Fields(data),
        };
        return PersianText.ToPersianDigits(sentence);
    }

    private static string Due(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? "، مهلت " + JalaliDate.Format(at) : "";

    private static string Kind(string kind) => kind.ToUpperInvariant() switch
    {
        "ESCALATION" => "تشدید",
        "SLA" => "مهلت",
        "RETRY" => "تلاش دوباره",
        "WAIT" => "انتظار",
        _ => kind,
    };

    private static string Channel(string channel) => channel switch
    {
        "sms" => "پیامکی",
        "email" => "رایانامه‌ای",
        _ => channel,
    };

    private static string Field(string bind) => bind switch
    {
        "case.department" => "واحد",
        "case.category" => "موضوع گزارش",
        _ => bind,
    };

    private static string Value(string bind, string value, IReadOnlyDictionary<string, string> departments) =>
        value.Length == 0 ? "—" : bind == "case.department" ? departments.GetValueOrDefault(value, value) : value;

    private static string FormData(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var form) && form.ValueKind == JsonValueKind.Object
            && form.EnumerateObject().Any()
            ? " — " + Fields(form)
            : "";

    private static string Fields(JsonElement data) => data.ValueKind != JsonValueKind.Object
        ? data.GetRawText()
        : string.Join("، ", data.EnumerateObject().Select(p => p.Name + ": "
            + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));
}
