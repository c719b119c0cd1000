namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>The catalogue codes of the case as the task page shows it (<c>caseView.*</c> in Catalogue.resx).</summary>
public static class CaseViewTexts
{
    public const string Citizen = "caseView.citizen";
    public const string Name = "caseView.name";
    public const string Mobile = "caseView.mobile";
    public const string Email = "caseView.email";
    public const string NoContact = "caseView.no-contact";
    public const string Anonymous = "caseView.anonymous";

    /// <summary>{0} the Jalali date-time a mail to the citizen's address bounced.</summary>
    public const string EmailBounced = "caseView.email-bounced";

    public const string Location = "caseView.location";
    public const string Address = "caseView.address";
    public const string Coordinates = "caseView.coordinates";
    public const string OpenMap = "caseView.open-map";
    public const string MapLabel = "caseView.map-label";

    /// <summary>Shown when the tile server cannot be reached; the coordinates and address stay on the page.</summary>
    public const string MapUnavailable = "caseView.map-unavailable";

    public const string Photos = "caseView.photos";

    /// <summary>{0} the photo's number, {1} how many there are.</summary>
    public const string PhotoOf = "caseView.photo-of";

    public const string PhotoPrevious = "caseView.photo-previous";
    public const string PhotoNext = "caseView.photo-next";
    public const string PhotoClose = "caseView.photo-close";
    public const string PhotoOriginal = "caseView.photo-original";

    public const string Timeline = "caseView.timeline";
    public const string TimelineOrder = "caseView.timeline-order";
    public const string StatusShown = "caseView.status-shown";

    /// <summary>The captions of fields a step recorded but its node no longer declares: caseView.field.department…</summary>
    public const string FieldFamily = "caseView.field";

    public const string FieldOther = "caseView.field-other";
    public const string Yes = "caseView.yes";
    public const string No = "caseView.no";

    /// <summary>{0} when, {1} the outcome's caption, {2} the member's full name: a finished task says how it ended.</summary>
    public const string DoneBy = "caseView.done-by";
}
