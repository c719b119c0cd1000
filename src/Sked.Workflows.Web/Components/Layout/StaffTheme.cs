using MudBlazor;

namespace Sked.Workflows.Web.Components.Layout;

/// <summary>The staff screens' look: the company's blue and the Vazirmatn font served by the app.</summary>
public static class StaffTheme
{
    public static MudTheme Theme { get; } = new()
    {
        // Every colour that carries white text, or is text on its own light tint, is dark enough for
        // WCAG AA (4.5:1): MudBlazor's default green, amber and light blue are not (axe: colour contrast).
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#a35f00",
            AppbarBackground = "#083d6d",
            Success = "#2e7d32",
            Warning = "#a35f00",
            Info = "#1565c0",
            Error = "#c62828",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["Vazirmatn", "Tahoma", "sans-serif"] } },
    };
}
