using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// Which cases a member may open: those with a task offered to their role (a departmental role only
/// in their own department), or one they held or completed. Auditors read every case.
/// </summary>
[FeatureContract]
public static class CaseAccess
{
    public static Task<bool> CanSeeAsync(SkedDbContext db, StaffMember staff, Guid caseId, CancellationToken cancellationToken)
    {
        if (staff.IsIn(Roles.Auditor))
        {
            return Task.FromResult(true);
        }

        var roles = staff.Roles.ToList();
        return db.Tasks.AnyAsync(t => t.CaseId == caseId
            && ((roles.Contains(t.CandidateRole) && ((t.CandidateRole != Roles.Department && t.CandidateRole != Roles.DepartmentHead) || t.Department == staff.Department))
                || t.Assignee == staff.UserName || t.CompletedBy == staff.UserName), cancellationToken);
    }

    /// <summary>An anonymous reporter's identity is shown only to the role the workflow names.</summary>
    public static bool SeesIdentity(CaseFile @case, StaffMember staff) =>
        !@case.Anonymous || (@case.IdentityVisibleTo is { } role && staff.IsIn(role));
}
