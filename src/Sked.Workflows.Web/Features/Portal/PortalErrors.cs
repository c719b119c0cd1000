namespace Sked.Workflows.Web.Features.Portal;

/// <summary>Why a citizen's form or photos were refused; the sentences are in the catalogue.</summary>
public static class PortalErrors
{
    /// <summary>{0} file name.</summary>
    public const string FileTooLarge = "portal.file-too-large";

    /// <summary>{0} file name.</summary>
    public const string PhotoNotImage = "portal.photo-not-image";

    /// <summary>{0} file name.</summary>
    public const string PhotoTooLarge = "portal.photo-too-large";

    public const string PhotosTooMany = "portal.photos-too-many";

    public const string SubmitFailed = "portal.submit-failed";
}
