using System.Reflection;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Web.Features.Letters;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>Every code of the mail thread and of the recording screen, and every fate of a mail, has its Persian words in the catalogue.</summary>
public sealed class MailThreadTextsTests
{
    public static TheoryData<string> Codes() => new(
        Constants(typeof(MailThreadTexts)).Where(c => c is not (MailThreadTexts.DispositionFamily or MailThreadTexts.SuppressedFamily))
            .Concat(Constants(typeof(RecordMailTexts))));

    public static TheoryData<string> Dispositions() => new(Enum.GetNames<MailDisposition>());

    public static TheoryData<string> SuppressionReasons() => new(Constants(typeof(AcknowledgementSuppressed)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachCode_HasASentenceInTheCatalogue(string code)
    {
        Assert.StartsWith("mailThread.", code, StringComparison.Ordinal);
        Assert.True(Catalogue.Has(code), $"the catalogue has no sentence for {code}");
    }

    [Theory]
    [MemberData(nameof(Dispositions))]
    public void EachFateOfAMail_HasAPersianLabel(string disposition) =>
        Assert.True(Catalogue.Has(MailThreadTexts.DispositionFamily + "." + disposition), $"the catalogue has no label for the disposition {disposition}");

    [Theory]
    [MemberData(nameof(SuppressionReasons))]
    public void EachReasonAnAcknowledgementWasNotSent_HasAPersianLabel(string reason) =>
        Assert.True(Catalogue.Has(MailThreadTexts.SuppressedFamily + "." + reason), $"the catalogue has no label for the reason {reason}");

    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
