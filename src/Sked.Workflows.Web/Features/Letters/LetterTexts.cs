namespace Sked.Workflows.Web.Features.Letters;

/// <summary>The letter use cases' sentences (catalogue codes).</summary>
public static class LetterTexts
{
    /// <summary>{0} tracking code, {1} the new password.</summary>
    public const string PasswordSms = "letter.password-sms";

    public const string NotALetter = "letter.not-a-letter";
    public const string PasswordNav = "letter.password-nav";
}
