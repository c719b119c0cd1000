namespace Sked.Workflows.Web.Features.Sla;

/// <summary>Codes of the SLA page's and exports' words (the catalogue's <c>sla.*</c>).</summary>
public static class SlaTexts
{
    public const string Title = "sla.title";
    public const string Intro = "sla.intro";
    public const string ScopeAll = "sla.scope-all";

    /// <summary>{0} department name.</summary>
    public const string ScopeDepartment = "sla.scope-department";
    public const string OpenByAge = "sla.open-by-age";
    public const string ByDepartment = "sla.by-department";
    public const string ByCaseType = "sla.by-case-type";
    public const string ByChannel = "sla.by-channel";
    public const string ByMonth = "sla.by-month";
    public const string Overdue = "sla.overdue";
    public const string Median = "sla.median";
    public const string P90 = "sla.p90";
    public const string OnTime = "sla.on-time";
    public const string Late = "sla.late";
    public const string Open = "sla.open";
    public const string Count = "sla.count";
    public const string Age = "sla.age";
    public const string Month = "sla.month";
    public const string Department = "sla.department";
    public const string CaseType = "sla.case-type";
    public const string Channel = "sla.channel";
    public const string TrackingCode = "sla.tracking-code";
    public const string Promised = "sla.promised";
    public const string DaysLate = "sla.days-late";
    public const string Holder = "sla.holder";
    public const string Csv = "sla.csv";
    public const string Excel = "sla.excel";
    public const string None = "sla.none";

    /// <summary>Age bucket labels: sla-age.0-2 …; channels: intakeChannel.portal ….</summary>
    public const string AgeFamily = "sla-age";
    public const string ChannelFamily = "intakeChannel";
}
