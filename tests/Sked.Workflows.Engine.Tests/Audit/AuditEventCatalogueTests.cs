using System.Text.Json;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;

namespace Sked.Workflows.Engine.Tests.Audit;

/// <summary>
/// The audit event catalogue: every type is in the one table under a unique wire name, has its Persian
/// sentence, round-trips through its stored JSON, and writes the same bytes as the code before it did
/// (the hash chain covers the data, so existing chains must still verify and new events look like old ones).
/// </summary>
public sealed class AuditEventCatalogueTests
{
    private static readonly IAuditNames Names = new FixedNames();

    [Fact]
    public void EveryRecordTypeIsInTheTable_UnderAUniqueWireName()
    {
        var records = typeof(AuditEventData).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AuditEventData)) && !t.IsAbstract)
            .ToHashSet();

        Assert.Equal(records.OrderBy(t => t.Name), AuditEvents.All.Select(t => t.Record).OrderBy(t => t.Name));
        Assert.Equal(AuditEvents.All.Count, AuditEvents.All.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(AuditEvents.All, t => Assert.Matches("^[a-z]+\\.[a-z-]+$", t.Name));
    }

    [Fact]
    public void EveryTypeHasAPersianSentence()
    {
        Assert.All(AuditEvents.All, t => Assert.True(Catalogue.Has(t.Code), $"the catalogue has no sentence {t.Code}"));
    }

    [Fact]
    public void EveryTypeHasAShortPersianTitle_WithoutLatinLetters()
    {
        Assert.All(AuditEvents.All, t =>
        {
            Assert.True(Catalogue.Has(t.TitleCode), $"the catalogue has no title {t.TitleCode}");
            Assert.Matches("[\u0600-\u06FF]", AuditEvents.Title(t.Name));
            Assert.DoesNotMatch("[A-Za-z]", AuditEvents.Title(t.Name));
        });
        Assert.Equal(AuditEvents.All.Count, AuditEvents.All.Select(t => AuditEvents.Title(t.Name)).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("case.teleported", AuditEvents.Title("case.teleported"));
    }

    [Fact]
    public void EverySampleRendersAsAPersianSentence_WithEveryPlaceholderFilled()
    {
        Assert.All(AuditEventSamples.All(), sample =>
        {
            var sentence = Catalogue.Render(sample.Event.Describe(Names));
            Assert.DoesNotContain("{", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("audit.", sentence, StringComparison.Ordinal);
            Assert.Matches("[\u0600-\u06FF]", sentence);
        });
    }

    [Fact]
    public void TheSamplesCoverEveryType()
    {
        var sampled = AuditEventSamples.All().Select(s => s.Event.GetType()).ToHashSet();
        Assert.All(AuditEvents.All, t => Assert.Contains(t.Record, sampled));
    }

    [Fact]
    public void EveryEventRoundTripsThroughItsStoredJson()
    {
        Assert.All(AuditEventSamples.All(), sample =>
        {
            var json = AuditEvents.Serialize(sample.Event);
            var back = AuditEvents.Read(AuditEvents.NameOf(sample.Event), json);

            Assert.NotNull(back);
            Assert.IsType(sample.Event.GetType(), back);
            Assert.Equivalent(sample.Event, back, strict: true);
            Assert.Equal(json, AuditEvents.Serialize(back));
        });
    }

    [Fact]
    public void EveryEventIsStoredInTheBytesTheCodeBeforeTheCatalogueWrote()
    {
        Assert.All(AuditEventSamples.All(), sample => Assert.Equal(sample.Before, AuditEvents.Serialize(sample.Event)));
    }

    [Fact]
    public void AnUnknownTypeOrUnreadableDataIsNoRecord()
    {
        Assert.Null(AuditEvents.Read("case.teleported", "{}"));
        Assert.Null(AuditEvents.Read("node.entered", "not json"));
        Assert.Null(AuditEvents.Read("node.entered", """{"node": 12}"""));
    }

    [Fact]
    public void OldRowsAreReadAsTheyWereWritten()
    {
        var entered = Assert.IsType<NodeEntered>(AuditEvents.Read("node.entered", """{"node":"intake","type":"intake","activation":1}"""));
        Assert.Equal(new NodeEntered("intake", "intake", 1), entered);
        var rule = Assert.IsType<DecisionTaken>(AuditEvents.Read("decision.taken", """{"rule":"default","outcome":"other","node":"triage"}"""));
        Assert.Equal(DecisionRule.Default, rule.Rule);
        Assert.Equal("triage", rule.Node);
        Assert.IsType<StaffLoggedIn>(AuditEvents.Read("staff.login", "{}"));
    }

    [Fact]
    public void AnEventOutsideTheTableCannotBeWritten()
    {
        Assert.Throws<InvalidOperationException>(() => AuditEvents.Serialize(new Uncatalogued()));
    }

    private sealed record Uncatalogued : AuditEventData
    {
        public override Message Describe(IAuditNames names) => Message.Of("audit.uncatalogued");
    }

    private sealed class FixedNames : IAuditNames
    {
        public string Node(string? id) => "بررسی میز خدمت";

        public string Department(string? code) => "امور مشترکین";

        public string Staff(string? login) => "مریم احمدی";
    }
}
