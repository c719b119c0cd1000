using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Components.Display;

/// <summary>
/// How a Persian screen writes numbers and dates: Persian digits, Jalali calendar, Iran time. Codes
/// (tracking codes, GUIDs, logins) are not numbers and are shown as they are, never through this.
/// </summary>
public static class Persian
{
    /// <summary>A count or amount, grouped with the Persian separator: ۱٬۲۳۴.</summary>
    public static string Number(long value) => Catalogue.Number(value);

    /// <summary>An ordinal that names one thing (a version, a row of the audit chain): ۱۲۳۴, not grouped.</summary>
    public static string Ordinal(long value) => Catalogue.Ordinal(value);

    /// <summary>An ordinal that may be missing; the dash stands for "none".</summary>
    public static string Ordinal(long? value) => value is { } known ? Ordinal(known) : "—";

    /// <summary>An instant as a Jalali date (and time), e.g. ۱۴۰۵/۰۹/۰۷ ۱۴:۳۰.</summary>
    public static string Date(DateTimeOffset instant, bool withTime = true) => JalaliDate.Format(instant, withTime);

    /// <summary>An instant that may be missing; the dash stands for "none".</summary>
    public static string Date(DateTimeOffset? instant, bool withTime = true) =>
        instant is { } value ? JalaliDate.Format(value, withTime) : "—";

    /// <summary>A calendar day as a Jalali date.</summary>
    public static string Day(DateOnly day) => JalaliDate.Format(day);
}
