namespace Sked.Workflows.Web.Features.Portal;

/// <summary>Portal__* settings: where the report map's tiles come from (the staff task page's map uses the same server).</summary>
[FeatureContract]
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>A Leaflet tile URL template; an operator may point it at the company's own tile server.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "© OpenStreetMap";

    /// <summary>The tile server's origin, for the pages' Content-Security-Policy.</summary>
    public string TileOrigin => Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? string.Empty : ":" + uri.Port)}"
        : string.Empty;
}
