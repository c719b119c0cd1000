namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>Codes of the calendar page's and API's sentences (the catalogue's <c>calendar.*</c>).</summary>
public static class CalendarTexts
{
    public const string Title = "calendar.title";
    public const string Intro = "calendar.intro";
    public const string Week = "calendar.week";
    public const string Hours = "calendar.hours";
    public const string Opens = "calendar.opens";
    public const string Closes = "calendar.closes";
    public const string HalfDayCloses = "calendar.half-day-closes";
    public const string SaveWeek = "calendar.save-week";
    public const string Holidays = "calendar.holidays";
    public const string Closures = "calendar.closures";
    public const string Date = "calendar.date";
    public const string From = "calendar.from";
    public const string To = "calendar.to";
    public const string HolidayTitle = "calendar.holiday-title";
    public const string Reason = "calendar.reason";
    public const string Confirmed = "calendar.confirmed";
    public const string ToConfirm = "calendar.to-confirm";
    public const string Confirm = "calendar.confirm";
    public const string Add = "calendar.add";
    public const string Remove = "calendar.remove";
    public const string Year = "calendar.year";
    public const string Export = "calendar.export";
    public const string Import = "calendar.import";
    public const string Saved = "calendar.saved";

    /// <summary>{0} deadlines moved.</summary>
    public const string Moved = "calendar.moved";

    /// <summary>{0} holidays, {1} closures read from the file.</summary>
    public const string Imported = "calendar.imported";

    public const string DayFamily = "weekday";
    public const string KindFamily = "dayKind";

    // Refusals.
    public const string DateInvalid = "calendar.date-invalid";
    public const string RangeInvalid = "calendar.range-invalid";
    public const string ReasonRequired = "calendar.reason-required";
    public const string TitleRequired = "calendar.title-required";
    public const string HoursInvalid = "calendar.hours-invalid";
    public const string WeekInvalid = "calendar.week-invalid";
    public const string NotFound = "calendar.not-found";

    /// <summary>{0} line number, {1} what is wrong there.</summary>
    public const string CsvLine = "calendar.csv-line";
    public const string CsvEmpty = "calendar.csv-empty";
}
