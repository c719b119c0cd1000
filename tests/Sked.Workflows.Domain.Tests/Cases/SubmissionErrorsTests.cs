using System.Reflection;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Cases;

/// <summary>Every submission error code the validator can return has its Persian sentence in the catalogue.</summary>
public sealed class SubmissionErrorsTests
{
    public static TheoryData<string> Codes() =>
        new(typeof(SubmissionErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasASentenceInTheCatalogue(string code)
    {
        Assert.StartsWith("submission.", code, StringComparison.Ordinal);
        Assert.True(Catalogue.Has(code), $"{code} has no sentence in Catalogue.resx");
    }

    [Fact]
    public void TextSentences_FillInTheFieldsLabelAndAPersianNumber()
    {
        var message = Message.Of(SubmissionErrors.TextTooShort, Message.Of(SubmissionErrors.BodyLabel), 10);

        Assert.Equal("متن باید دست‌کم ۱۰ نویسه باشد.", Catalogue.Render(message));
    }
}
