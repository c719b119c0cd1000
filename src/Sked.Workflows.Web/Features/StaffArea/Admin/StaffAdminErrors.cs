namespace Sked.Workflows.Web.Features.StaffArea.Admin;

/// <summary>Why a department or staff change was refused; the sentences are in the catalogue.</summary>
public static class StaffAdminErrors
{
    public const string DepartmentExists = "staffAdmin.department-exists";

    public const string DepartmentInvalid = "staffAdmin.department-invalid";

    public const string DepartmentRequired = "staffAdmin.department-required";

    public const string UserNotFound = "staffAdmin.user-not-found";
}
