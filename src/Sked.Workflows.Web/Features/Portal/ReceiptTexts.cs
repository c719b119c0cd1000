namespace Sked.Workflows.Web.Features.Portal;

/// <summary>The catalogue codes of the citizen's receipt (<c>receipt.*</c> in Catalogue.resx).</summary>
public static class ReceiptTexts
{
    public const string Company = "receipt.company";
    public const string Office = "receipt.office";
    public const string AnswerType = "receipt.answer-type";

    /// <summary>The answer types' labels on a receipt: receipt.answerType.private, receipt.answerType.public.</summary>
    public const string AnswerTypeFamily = "receipt.answerType";

    public const string TrackingAddress = "receipt.tracking-address";
    public const string QrAlt = "receipt.qr-alt";
    public const string QrCaption = "receipt.qr-caption";
    public const string NextReport = "receipt.next.report";
    public const string NextCeoPrivate = "receipt.next.ceo-private";
    public const string NextCeoPublic = "receipt.next.ceo-public";
    public const string NextDefault = "receipt.next.default";
}
