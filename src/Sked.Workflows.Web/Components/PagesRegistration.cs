using MudBlazor.Services;

namespace Sked.Workflows.Web.Components;

/// <summary>
/// Razor pages of both kinds: static ones for citizens and interactive (Blazor Server) ones for
/// staff; App.razor picks the render mode per page.
/// </summary>
public static class PagesRegistration
{
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        // The build's static assets by their fingerprinted names (Assets[...] in the pages): compressed, and cached
        // for a year, so a returning member's browser asks for none of them again (issue 17, point 9).
        app.MapStaticAssets();
        // Our own Content-Security-Policy already says frame-ancestors 'none'; one header, not two.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).WithStaticAssets();
        return app;
    }
}
