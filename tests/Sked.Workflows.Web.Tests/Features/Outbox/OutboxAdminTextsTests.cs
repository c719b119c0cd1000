using System.Reflection;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Web.Features.Outbox;

namespace Sked.Workflows.Web.Tests.Features.Outbox;

/// <summary>Every code of the dead-letter list and every message kind has its Persian words in the catalogue.</summary>
public sealed class OutboxAdminTextsTests
{
    public static TheoryData<string> Codes() => new(Constants(typeof(OutboxAdminTexts)).Where(c => c != OutboxAdminTexts.KindFamily && c != OutboxAdminTexts.StatusFamily));

    public static TheoryData<string> Kinds() => new(Constants(typeof(OutboxKinds)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachCode_HasASentenceInTheCatalogue(string code) =>
        Assert.True(Catalogue.Has(code), $"the catalogue has no sentence for {code}");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachMessageKind_HasAPersianLabel(string kind) =>
        Assert.True(Catalogue.Has(OutboxAdminTexts.KindFamily + "." + kind), $"the catalogue has no label for the outbox kind {kind}");

    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
