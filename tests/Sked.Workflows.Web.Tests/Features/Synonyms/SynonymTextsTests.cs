using System.Reflection;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Web.Features.Synonyms;

namespace Sked.Workflows.Web.Tests.Features.Synonyms;

/// <summary>Every code of the synonym page and API has its Persian sentence.</summary>
public sealed class SynonymTextsTests
{
    public static TheoryData<string> Codes() => new(typeof(SynonymTexts).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachCode_HasASentenceInTheCatalogue(string code) =>
        Assert.True(Catalogue.Has(code), $"the catalogue has no sentence for {code}");
}
