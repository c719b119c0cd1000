using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>The task page's history: steps and statuses in one newest-first order, every part in Persian (issue 17, point 3).</summary>
public sealed class CaseTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, string> Departments =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["metering"] = "کنتور و اندازه‌گیری" };

    [Fact]
    public void StepsAndStatuses_AreOneNewestFirstList_AndAStatusCausedByAStepComesAboveIt()
    {
        var details = Details();

        var items = CaseTimeline.Of(details, Departments);

        Assert.Equal(items.Select(i => i.At).OrderByDescending(at => at), items.Select(i => i.At));
        string[] expected = [Status(CaseStatuses.Referred), "بررسی شکایت", Status(CaseStatuses.InReview), Status(CaseStatuses.Received)];
        Assert.Equal(expected, items.Select(i => i.Title));
        Assert.Equal("کنتور و اندازه‌گیری", items[0].Detail);
    }

    [Fact]
    public void AStep_ShowsItsOutcomeAndFieldsByTheirPersianCaptions_NotTheirCodes()
    {
        var step = Assert.Single(CaseTimeline.Of(Details(), Departments), i => i.IsStep);

        Assert.Equal("ارجاع به واحد", step.Outcome);
        Assert.Equal("route", step.OutcomeCode);
        Assert.Contains(step.Fields, f => f is { Name: "department", Label: "واحد پاسخ‌گو", Value: "کنتور و اندازه‌گیری" });
        // A field the node no longer declares still gets a Persian caption from the catalogue.
        Assert.Contains(step.Fields, f => f is { Name: "reason", Label: "دلیل", Value: "قبض" });
    }

    private static string Status(string status) => CaseStatuses.PersianLabels[status];

    private static TaskDetails Details()
    {
        var routedAt = Start.AddHours(3);
        var @case = new CaseFile { TrackingCode = "11111111111111", Type = CaseTypes.Complaint, Subject = "قبض", Body = "قبض این ماه زیاد است." };
        @case.ChangeStatus(CaseStatuses.Received, Start);
        @case.ChangeStatus(CaseStatuses.InReview, Start.AddMinutes(1));
        // The status the routing step caused is written at the same instant as the step.
        @case.ChangeStatus(CaseStatuses.Referred, routedAt, "کنتور و اندازه‌گیری");
        for (var i = 0; i < @case.Timeline.Count; i++)
        {
            typeof(CaseTimelineEntry).GetProperty(nameof(CaseTimelineEntry.Id))!.SetValue(@case.Timeline[i], (long)i + 1);
        }

        var step = new HumanTask
        {
            TrackingCode = @case.TrackingCode,
            CaseType = @case.Type,
            NodeId = "edesk-review",
            Title = "بررسی شکایت",
            CandidateRole = "EDesk",
            Status = HumanTaskStatus.Completed,
            CompletedAt = routedAt,
            CompletedBy = "edesk",
            Outcome = "route",
            Data = new(StringComparer.Ordinal) { ["department"] = "metering", ["reason"] = "قبض" },
        };
        var node = new HumanTaskNode.Props
        {
            Title = step.Title,
            CandidateRole = "EDesk",
            Outcomes = [new TaskOutcome("route", "ارجاع به واحد")],
            Form = [new FormField { Name = "department", Label = "واحد پاسخ‌گو", Type = "department" }],
        };
        return new TaskDetails(step, @case, node, [], [step], [], true, new Dictionary<string, string>(StringComparer.Ordinal), [])
        {
            Steps = new Dictionary<string, HumanTaskNode.Props>(StringComparer.Ordinal) { ["edesk-review"] = node },
        };
    }
}
