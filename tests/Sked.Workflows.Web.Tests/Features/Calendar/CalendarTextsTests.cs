using System.Reflection;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Web.Features.Calendar;
using Sked.Workflows.Web.Features.CitizenReplies;
using Sked.Workflows.Web.Features.Sla;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>Every code of the calendar, SLA and reply screens, every weekday, day kind, age bucket, channel and reason a date moved has its Persian words.</summary>
public sealed class CalendarTextsTests
{
    private static readonly string[] AgeBuckets = ["0-2", "3-5", "6-10", "11+"];
    private static readonly string[] Channels = ["portal", "email", "letter"];
    private static readonly string[] Families = [CalendarTexts.DayFamily, CalendarTexts.KindFamily, SlaTexts.AgeFamily, SlaTexts.ChannelFamily];

    public static TheoryData<string> Codes() => new(
        Constants(typeof(CalendarTexts)).Concat(Constants(typeof(SlaTexts))).Concat(Constants(typeof(ReplyTexts))).Where(c => !Families.Contains(c))
            .Concat(WeeklyPattern.Week.Select(d => CalendarTexts.DayFamily + "." + d.ToString().ToLowerInvariant()))
            .Concat(Enum.GetValues<DayKind>().Select(k => CalendarTexts.KindFamily + "." + k.ToString().ToLowerInvariant()))
            .Concat(AgeBuckets.Select(a => SlaTexts.AgeFamily + "." + a))
            .Concat(Channels.Select(c => SlaTexts.ChannelFamily + "." + c))
            .Concat(new[] { DeadlineReasons.Closure, DeadlineReasons.Calendar, DeadlineReasons.Pause }.Select(r => "promise.moved." + r)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachCode_HasASentenceInTheCatalogue(string code) =>
        Assert.True(Catalogue.Has(code), $"the catalogue has no sentence for {code}");

    [Fact]
    public void EveryOfficialHoliday_HasATitle() =>
        Assert.All(OfficialHolidays.For(1405), h => Assert.DoesNotMatch("^holiday\\.", h.Title));

    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
