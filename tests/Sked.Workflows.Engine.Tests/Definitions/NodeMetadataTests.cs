using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Engine.Tests.Definitions;

/// <summary>
/// A node type is described once, on its property class; these check that what the screens need
/// from that description is there: a known kind, a Persian label and hint, a sentence per error code.
/// </summary>
public sealed class NodeMetadataTests
{
    public static TheoryData<string> NodeTypes => [.. NodeCatalogue.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void NodeType_Always_HasAPersianName(string type)
    {
        Assert.True(Catalogue.Has("node." + type), $"the catalogue has no node.{type}");
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void NodeType_Always_DescribesEveryPropertyWithAKnownKindALabelAndAHint(string type)
    {
        var properties = NodeCatalogue.Find(type)!.Properties;

        Assert.All(properties, p => Assert.NotNull(p.PersianHint(type)));
        Assert.All(AndItems(properties), p =>
        {
            Assert.True(PropertyKinds.IsKnown(p.Kind), $"{type}.{p.Name}: unknown kind '{p.Kind}'");
            Assert.True(Catalogue.Has("property." + p.Name), $"{type}.{p.Name}: the catalogue has no property.{p.Name}");
            Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{type}.{p.Name} has no description");
        });
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Starter_Always_HasTheRequiredPropertiesAndItsWordsFromTheCatalogue(string type)
    {
        var nodeType = NodeCatalogue.Find(type)!;

        var starter = nodeType.StarterProperties;

        Assert.Empty(PropertyValues.Missing(nodeType.Properties, starter));
        Assert.DoesNotContain("starter.", starter?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        nodeType.Bind(starter);
    }

    [Fact]
    public void ChoiceKinds_Always_HaveAPersianLabelForEveryValue()
    {
        var kinds = NodeCatalogue.All.SelectMany(t => AndItems(t.Properties)).Select(p => p.Kind).Distinct();

        Assert.All(kinds.Where(k => PropertyKinds.ChoicesOf(k) is not null), kind =>
            Assert.All(PropertyKinds.ChoicesOf(kind)!, value =>
                Assert.True(Catalogue.Has($"{PropertyKinds.FamilyOf(kind)}.{value}"), $"no label for {kind} value '{value}'")));
    }

    [Fact]
    public void ErrorCodes_Always_HaveAPersianSentence()
    {
        Assert.All(DefinitionErrors.All.Concat(TaskFormErrors.All), code => Assert.True(Catalogue.Has(code), $"the catalogue has no {code}"));
    }

    [Fact]
    public void Properties_OfAHumanTask_AreReadFromItsPropertyClassInOrder()
    {
        var properties = NodeCatalogue.Find(HumanTaskNode.TypeName)!.Properties;

        Assert.Equal(["title", "candidateRole", "candidateDepartment", "outcomes", "form", "sla", "escalation", "status"], properties.Select(p => p.Name));
        Assert.Equal(("role", true), (properties[1].Kind, properties[1].Required));
        Assert.Equal(["name", "label"], properties[3].Items!.Select(i => i.Name));
    }

    private static IEnumerable<PropertySpec> AndItems(IEnumerable<PropertySpec> specs) =>
        specs.SelectMany(p => (IEnumerable<PropertySpec>)[p, .. AndItems(p.Items ?? [])]);
}
