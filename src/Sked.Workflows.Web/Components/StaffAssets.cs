namespace Sked.Workflows.Web.Components;

/// <summary>
/// The stylesheets and scripts every staff page loads (App.razor), in one list so that the login form can
/// fetch the same files ahead while the member types (LoginPage). Paths are the static assets' names;
/// pages write them through <c>Assets[...]</c>, which gives each its fingerprinted address, cached for a year.
/// </summary>
public static class StaffAssets
{
    public static readonly IReadOnlyList<string> Stylesheets =
    [
        "_content/MudBlazor/MudBlazor.min.css",
        "css/staff.css",
        "_content/Z.Blazor.Diagrams/style.min.css",
        "_content/Z.Blazor.Diagrams/default.styles.min.css",
        "_content/Sked.Workflows.Designer/designer.css",
    ];

    // blazor.web.js first: it is the largest, and the live connection waits for it.
    public static readonly IReadOnlyList<string> Scripts =
    [
        "_framework/blazor.web.js",
        "_content/MudBlazor/MudBlazor.min.js",
        "_content/Z.Blazor.Diagrams/script.min.js",
        "_content/Sked.Workflows.Designer/designer.js",
    ];
}
