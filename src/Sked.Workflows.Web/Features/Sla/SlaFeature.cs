namespace Sked.Workflows.Web.Features.Sla;

/// <summary>SLA compliance: the report for heads, the CEO office and admins; page, API and exports share it.</summary>
public static class SlaFeature
{
    public static IServiceCollection AddSla(this IServiceCollection services) => services.AddSingleton<SlaReport.Handler>();
}
