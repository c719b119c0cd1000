using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Web.Features.StaffArea.Auditing;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>The auditor's case timeline reads events as catalogue records: sentences, the path taken.</summary>
public sealed class AuditTimelineTests
{
    private static readonly AuditNames Names = new(
        new Dictionary<string, string>(StringComparer.Ordinal) { ["edesk-review"] = "بررسی میز خدمت" },
        new Dictionary<string, string>(StringComparer.Ordinal) { ["billing"] = "امور مشترکین" },
        login => login == "staff.edesk" ? "مریم احمدی" : login ?? "—");

    [Fact]
    public void AKnownEventIsItsCatalogueSentence_WithNodeLabelsDepartmentNamesAndPersianDigits()
    {
        Assert.Equal("ورود به گام «بررسی میز خدمت»", Describe(new NodeEntered("edesk-review", "humanTask", 1)));
        Assert.Equal("کار برای نقش کارشناس واحد در واحد امور مشترکین باز شد",
            Describe(new TaskOpened(Guid.NewGuid(), "Department", "billing", null) with { Node = "department-answer" }));
        Assert.Equal("گردش کار complaint نسخه ۱۲ آغاز شد", Describe(new InstanceStarted("complaint", 12)));
        Assert.Equal("تصمیم خودکار: «other» (قاعده پیش‌فرض)", Describe(new DecisionTaken(DecisionRule.Default, "other")));
    }

    [Fact]
    public void StaffAreNamedByTheirFullName_AndIdsKeepTheirLatinDigits()
    {
        Assert.Contains("مریم احمدی", Describe(new TaskClaimed(Guid.NewGuid(), "edesk-review", "staff.edesk")), StringComparison.Ordinal);
        Assert.DoesNotContain("staff.edesk", Describe(new TaskAssigned(Guid.NewGuid(), "edesk-review", "staff.edesk", "Claimed")), StringComparison.Ordinal);
        Assert.Equal("task: 0f1e2d3c-1234-5678-9abc-def012345678",
            AuditSummary.Describe("case.teleported", """{"task":"0f1e2d3c-1234-5678-9abc-def012345678"}""", Names));
    }

    [Fact]
    public void AnUnknownOrUnreadableEventIsShownAsItsFields()
    {
        Assert.Equal("what: teleported، to: ۳", AuditSummary.Describe("case.teleported", """{"what":"teleported","to":3}""", Names));
        Assert.Equal("not json", AuditSummary.Describe("case.teleported", "not json", Names));
    }

    [Fact]
    public void ThePathIsTheNodesEnteredAndTheConnectionsLeftBy()
    {
        var events = new AuditEventData[]
        {
            new NodeEntered("intake", "intake", 1),
            new NodeLeft("intake", "next"),
            new TaskClaimed(Guid.NewGuid(), "edesk-review", "staff.edesk"),
            new NodeEntered("edesk-review", "humanTask", 2),
            new NodeLeft("edesk-review", "route"),
        }.Select(e => (AuditEvents.NameOf(e), AuditEvents.Serialize(e)));

        var path = CaseAuditQuery.Path(events, null);

        Assert.Equal(["edesk-review", "intake"], path.Entered.Order(StringComparer.Ordinal));
        Assert.Equal([("edesk-review", "route"), ("intake", "next")], path.Taken.OrderBy(t => t.From, StringComparer.Ordinal));
    }

    private static string Describe(AuditEventData data) => AuditSummary.Describe(AuditEvents.NameOf(data), AuditEvents.Serialize(data), Names);
}
