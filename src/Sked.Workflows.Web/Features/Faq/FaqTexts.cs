namespace Sked.Workflows.Web.Features.Faq;

/// <summary>Codes of the FAQ's messages; each sentence is in the catalogue.</summary>
public static class FaqTexts
{
    public const string Invalid = "faq.invalid";
    public const string QuestionRequired = "faq.question-required";
    public const string AnswerRequired = "faq.answer-required";
    public const string CategoryTooLong = "faq.category-too-long";
    public const string AlternativesInvalid = "faq.alternatives-invalid";
    public const string NotFound = "faq.not-found";
    public const string Exists = "faq.exists";
    public const string MergeSelf = "faq.merge-self";
    public const string AlreadyConfirmed = "faq.already-confirmed";
    public const string NotPublicQuestion = "faq.not-public-question";
    public const string NotCurator = "faq.not-curator";
    public const string EditBeforePublishing = "faq.edit-before-publishing";
    public const string Saved = "faq.saved";
    public const string Confirmed = "faq.confirmed";
}
