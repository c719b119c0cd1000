namespace Sked.Workflows.Web.Features.Cases;

/// <summary>Why a case could not be looked up by its tracking code (tracking, history, evidence pack); the sentences are in the catalogue.</summary>
public static class CaseLookupErrors
{
    public const string NotFound = "caseLookup.not-found";

    public const string TrackNotFound = "caseLookup.track-not-found";

    /// <summary>A letter after several wrong passwords in a row, for a moment (LetterGuesses).</summary>
    public const string LetterResting = "caseLookup.letter-resting";

    public const string TrackingCodeFormat = "caseLookup.tracking-code-format";

    public const string TrackingCodeInvalid = "caseLookup.tracking-code-invalid";
}
