using System.Globalization;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Properties;

/// <summary>The designer's Persian words for property names and choice values; the English id stays visible beside them.</summary>
public static class PersianLabels
{
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["title"] = "عنوان کار در کارتابل",
        ["candidateRole"] = "نقش انجام‌دهنده",
        ["candidateDepartment"] = "واحد انجام‌دهنده",
        ["outcomes"] = "پیامدها (دکمه‌ها)",
        ["form"] = "فیلدهای فرم",
        ["sla"] = "مهلت انجام (SLA)",
        ["escalation"] = "سیاست پیگیری و ارجاع به مدیر",
        ["status"] = "وضعیتی که شهروند می‌بیند",
        ["rules"] = "قواعد",
        ["defaultDepartment"] = "واحد پیش‌فرض",
        ["defaultOutcome"] = "پیامد پیش‌فرض",
        ["duration"] = "مدت انتظار",
        ["channel"] = "کانال",
        ["to"] = "گیرنده",
        ["template"] = "متن پیام",
        ["source"] = "فیلد پاسخ",
        ["threshold"] = "آستانه تکرار پرسش",
        ["showDepartment"] = "نمایش نام واحد",
        ["requiredFields"] = "فیلدهای الزامی ثبت",
        ["issuePassword"] = "صدور رمز عبور",
        ["identityVisibleTo"] = "نقشی که هویت گزارش‌دهنده ناشناس را می‌بیند",
        ["name"] = "نام",
        ["label"] = "برچسب",
        ["type"] = "نوع",
        ["required"] = "الزامی",
        ["requiredFor"] = "الزامی برای پیامدها",
        ["bind"] = "ذخیره در فیلد پرونده",
        ["options"] = "گزینه‌ها",
        ["value"] = "مقدار",
        ["values"] = "مقادیر",
        ["after"] = "پس از",
        ["action"] = "اقدام",
        ["category"] = "موضوع گزارش",
        ["region"] = "منطقه",
        ["keywords"] = "کلیدواژه‌ها",
        ["department"] = "واحد",
        ["when"] = "شرط‌ها",
        ["outcome"] = "پیامد",
        ["field"] = "فیلد",
        ["op"] = "مقایسه",
    };

    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["EDesk"] = "میز خدمت الکترونیک",
        ["Department"] = "کارشناس واحد",
        ["DepartmentHead"] = "مدیر واحد",
        ["Secretariat"] = "دبیرخانه",
        ["CeoOffice"] = "دفتر مدیرعامل",
        ["sms"] = "پیامک",
        ["email"] = "رایانامه",
        ["citizen"] = "شهروند",
        ["remind"] = "یادآوری",
        ["reassignToHead"] = "ارجاع به مدیر واحد",
        ["routed"] = "واحدی که پرونده به آن ارجاع شده",
        ["text"] = "متن کوتاه",
        ["textarea"] = "متن بلند",
        ["department"] = "واحد",
        ["select"] = "فهرست گزینه‌ها",
        ["boolean"] = "بله / خیر",
        ["date"] = "تاریخ شمسی",
        ["case.department"] = "واحد پرونده",
        ["case.category"] = "موضوع پرونده",
        ["case.type"] = "نوع پرونده",
        ["case.answerType"] = "نوع پاسخ (عمومی/خصوصی)",
        ["case.anonymous"] = "ناشناس بودن گزارش",
        ["case.status"] = "وضعیت پرونده",
        ["case.subject"] = "موضوع نوشته‌شده",
        ["case.body"] = "متن پرونده",
        ["case.address"] = "نشانی",
        ["case.hasLocation"] = "موقعیت روی نقشه دارد",
        ["case.hasEmail"] = "رایانامه دارد",
        ["case.hasMobile"] = "تلفن همراه دارد",
        ["equals"] = "برابر است با",
        ["notEquals"] = "برابر نیست با",
        ["in"] = "یکی از",
        ["contains"] = "دربردارد",
        ["exists"] = "پر است",
        ["notExists"] = "خالی است",
    };

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["title"] = "نامی که کار با آن در کارتابل کارکنان دیده می‌شود.",
        ["candidateRole"] = "اعضای این نقش می‌توانند کار را بردارند و انجام دهند.",
        ["candidateDepartment"] = "برای نقش‌های واحدی: واحد ارجاع‌شده پرونده (routed) یا یک واحد مشخص.",
        ["outcomes"] = "هر پیامد یک دکمه در فرم کار است؛ نام آن همان است که از آن به گره بعدی وصل می‌شود.",
        ["form"] = "فیلدهایی که کارمند پر می‌کند؛ «الزامی برای پیامدها» یعنی فقط با آن دکمه‌ها الزامی است.",
        ["sla"] = "مهلت انجام کار به قالب ISO 8601، مانند P3D (سه روز) یا PT4H (چهار ساعت).",
        ["escalation"] = "پس از هر مدت: یادآوری به کارکنان، یا سپردن کار به مدیر واحد.",
        ["status"] = "وضعیتی که شهروند با کد رهگیری می‌بیند.",
        ["rules"] = "قواعد به ترتیب بررسی می‌شوند؛ نخستین قاعده‌ای که همه شرط‌هایش برقرار باشد برنده است.",
        ["defaultDepartment"] = "وقتی هیچ قاعده‌ای برقرار نباشد.",
        ["defaultOutcome"] = "وقتی هیچ قاعده‌ای برقرار نباشد؛ بی آن، نبودِ قاعده خطا می‌شود.",
        ["duration"] = "مدت انتظار به قالب ISO 8601، مانند PT1H یا P2D.",
        ["channel"] = "پیامک یا رایانامه.",
        ["to"] = "گیرنده پیام.",
        ["template"] = "متن فارسی پیام؛ جای‌نگهدارها: {trackingCode} {subject} {department} {status} {expectedAnswerAt} {type} {answer}",
        ["source"] = "فیلد فرمی که پاسخ در آن نوشته شده است؛ پیش‌فرض answer.",
        ["threshold"] = "چند شهروند باید همین پرسش را بپرسند تا در پرسش‌های متداول منتشر شود؛ پیش‌فرض ۲.",
        ["showDepartment"] = "نام واحد کنار وضعیت در روند پرونده نمایش داده شود.",
        ["requiredFields"] = "فیلدهای ثبت که این گردش کار جز موضوع و متن لازم دارد.",
        ["issuePassword"] = "همراه کد رهگیری رمز عبور هم صادر شود (نامه‌ها).",
        ["identityVisibleTo"] = "در گزارش ناشناس، تنها نقشی که هویت گزارش‌دهنده را می‌بیند.",
    };

    public static string Property(string name) => Properties.GetValueOrDefault(name, name);

    /// <summary>What a property means, in Persian; null when there is no Persian text for it.</summary>
    public static string? Hint(string name) => Hints.GetValueOrDefault(name);

    public static string Value(string value) =>
        Values.TryGetValue(value, out var label) ? label
        : CaseStatuses.PersianLabels.TryGetValue(value, out var status) ? status
        : CaseTypes.PersianNames.TryGetValue(value, out var type) ? type
        : ReportCategories.PersianNames.TryGetValue(value, out var category) ? category
        : value;

    /// <summary>A count in Persian digits.</summary>
    public static string Number(int value) => PersianText.ToPersianDigits(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An ISO 8601 duration read out in Persian ("۳ روز و ۴ ساعت"), or null when it is not one.</summary>
    public static string? Duration(string? text)
    {
        if (!Durations.TryParse(text, out var duration))
        {
            return null;
        }

        var parts = new List<string>();
        Add(parts, (int)duration.TotalDays, "روز");
        Add(parts, duration.Hours, "ساعت");
        Add(parts, duration.Minutes, "دقیقه");
        Add(parts, duration.Seconds, "ثانیه");
        return string.Join(" و ", parts);
    }

    private static void Add(List<string> parts, int amount, string unit)
    {
        if (amount > 0)
        {
            parts.Add(Number(amount) + " " + unit);
        }
    }
}
