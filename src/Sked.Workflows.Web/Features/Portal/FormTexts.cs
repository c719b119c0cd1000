namespace Sked.Workflows.Web.Features.Portal;

/// <summary>What the citizen forms say besides their labels (<c>portalForm.*</c> in Catalogue.resx); portal.js fills the same templates as one types.</summary>
public static class FormTexts
{
    /// <summary>{0} characters typed, {1} the limit.</summary>
    public const string Counter = "portalForm.counter";

    /// <summary>{0} characters typed, {1} the limit, {2} how many too many.</summary>
    public const string CounterOver = "portalForm.counter-over";

    public const string ChoosePhotos = "portalForm.choose-photos";
    public const string NoPhotos = "portalForm.no-photos";

    /// <summary>{0} how many files were chosen, {1} their names.</summary>
    public const string PhotosChosen = "portalForm.photos-chosen";
}
