namespace Sked.Workflows.Domain.Staff;

/// <summary>The staff roles; a task's candidate role is one of these.</summary>
public static class Roles
{
    public const string EDesk = nameof(EDesk);
    public const string Department = nameof(Department);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Secretariat = nameof(Secretariat);
    public const string CeoOffice = nameof(CeoOffice);
    public const string ProcessOwner = nameof(ProcessOwner);
    public const string Auditor = nameof(Auditor);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [EDesk, Department, DepartmentHead, Secretariat, CeoOffice, ProcessOwner, Auditor, Admin];

    /// <summary>Roles that work on cases, so a human task may be offered to them.</summary>
    public static readonly IReadOnlyList<string> Working = [EDesk, Department, DepartmentHead, Secretariat, CeoOffice];

    /// <summary>Roles whose tasks belong to one department, so the department must match too.</summary>
    public static bool IsDepartmental(string role) => role is Department or DepartmentHead;
}
