using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Staff accounts and departments, changed by the administrator; logins, recorded by the sign-in.

public sealed record DepartmentCreated(string Code, string Name) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Name);
}

public sealed record StaffCreated(string? User, string? Department, IReadOnlyList<string> Roles) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Staff(User));
}

/// <summary>A member's roles and department before and after the administrator's change.</summary>
public sealed record StaffRolesChanged(string User, StaffPlacement Before, StaffPlacement After) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Staff(User));
}

public sealed record StaffPlacement(IReadOnlyList<string> Roles, string? Department);

public sealed record StaffLoggedIn : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}

/// <summary>A failed login: unknown-user, locked-out, not-allowed, two-factor-required or wrong-password.</summary>
public sealed record StaffLoginFailed(string Reason) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("loginFailure", Reason));
}
