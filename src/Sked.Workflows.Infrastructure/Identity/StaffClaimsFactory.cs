using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Identity;

/// <summary>Adds the department and display name to a signed-in member's claims, beside the roles.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string DepartmentClaim = "department";
    public const string FullNameClaim = "full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.Department))
        {
            identity.AddClaim(new Claim(DepartmentClaim, user.Department));
        }

        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        return identity;
    }
}
