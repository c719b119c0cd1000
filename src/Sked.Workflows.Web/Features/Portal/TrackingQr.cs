using QRCoder;

namespace Sked.Workflows.Web.Features.Portal;

/// <summary>
/// The receipt's QR code of its tracking address, as a PNG data URI: a phone camera opens the
/// tracking page without typing the fourteen digits. Drawn by QRCoder without System.Drawing, and
/// inline so a printed or saved receipt carries it (the pages' policy allows data: images).
/// </summary>
public static class TrackingQr
{
    public static string DataUri(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
