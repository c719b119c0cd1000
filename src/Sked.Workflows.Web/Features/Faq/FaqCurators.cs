using Sked.Workflows.Domain.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>Who writes the FAQ and counts repeats: the e-desk, the CEO office and the administrator.</summary>
[FeatureContract]
public static class FaqCurators
{
    public static readonly string[] Roles = [Domain.Staff.Roles.EDesk, Domain.Staff.Roles.CeoOffice, Domain.Staff.Roles.Admin];

    /// <summary>The roles as an Authorize attribute spells them.</summary>
    public const string RoleList = Domain.Staff.Roles.EDesk + "," + Domain.Staff.Roles.CeoOffice + "," + Domain.Staff.Roles.Admin;

    public static bool May(StaffMember member) => Array.Exists(Roles, member.IsIn);

    /// <summary>The API's rule for the curation endpoints.</summary>
    public static TBuilder RequireCurator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireRole(Roles));
}
