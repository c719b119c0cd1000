namespace Sked.Workflows.Web.Features.StaffArea.Login;

/// <summary>The staff login page's sentences (the catalogue's codes).</summary>
public static class LoginTexts
{
    public const string Wrong = "staffLogin.wrong";
    public const string Delayed = "staffLogin.delayed";
}
