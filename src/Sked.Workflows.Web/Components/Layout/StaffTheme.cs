using MudBlazor;

namespace Sked.Workflows.Web.Components.Layout;

/// <summary>The staff screens' look: the company's blue and the Vazirmatn font served by the app.</summary>
public static class StaffTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0b5394", Secondary = "#f0a202", AppbarBackground = "#083d6d" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["Vazirmatn", "Tahoma", "sans-serif"] } },
    };
}
