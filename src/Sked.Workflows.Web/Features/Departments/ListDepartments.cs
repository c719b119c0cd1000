using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Departments;

/// <summary>GET /api/v1/departments: the units cases can be routed to.</summary>
public static class ListDepartments
{
    public sealed record DepartmentView(string Code, string Name);

    public static RouteGroupBuilder MapDepartments(this RouteGroupBuilder api)
    {
        api.MapGet("/departments", (DepartmentDirectory departments) =>
                departments.ByCode.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DepartmentView(d.Key, d.Value)).ToList())
            .WithTags("Departments");
        return api;
    }
}
