using Microsoft.AspNetCore.Identity;

namespace Sked.Workflows.Infrastructure.Identity;

/// <summary>A member of staff; the department decides which departmental tasks and cases they see.</summary>
public sealed class StaffUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;
    public string? Department { get; set; }
}
