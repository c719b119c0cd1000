namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// The codes of a submission's field errors; their Persian sentences are the <c>submission.*</c>
/// entries of the catalogue (Text/Catalogue.resx), rendered where a person reads them.
/// </summary>
public static class SubmissionErrors
{
    public const string TypeUnknown = "submission.type-unknown";

    /// <summary>{0}: the field's label (a <see cref="Text.Message"/> such as <see cref="SubjectLabel"/>).</summary>
    public const string TextRequired = "submission.text-required";

    /// <summary>{0}: the field's label; {1}: the fewest characters.</summary>
    public const string TextTooShort = "submission.text-too-short";

    /// <summary>{0}: the field's label; {1}: the most characters.</summary>
    public const string TextTooLong = "submission.text-too-long";

    public const string SubjectLabel = "submission.label-subject";
    public const string BodyLabel = "submission.label-body";
    public const string NameRequired = "submission.name-required";
    public const string NameTooLong = "submission.name-too-long";
    public const string NationalCodeInvalid = "submission.national-code-invalid";
    public const string NationalCodeRequired = "submission.national-code-required";
    public const string MobileInvalid = "submission.mobile-invalid";
    public const string MobileRequired = "submission.mobile-required";
    public const string EmailRequired = "submission.email-required";
    public const string EmailInvalid = "submission.email-invalid";
    public const string AnswerTypeRequired = "submission.answer-type-required";
    public const string LetterNumberRequired = "submission.letter-number-required";
    public const string LetterNumberTooLong = "submission.letter-number-too-long";
    public const string LetterDateInvalid = "submission.letter-date-invalid";
    public const string CategoryRequired = "submission.category-required";
    public const string LocationInvalid = "submission.location-invalid";
    public const string AddressRequired = "submission.address-required";
    public const string AddressTooLong = "submission.address-too-long";
}
