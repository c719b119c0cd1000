using System.Net;
using System.Text.RegularExpressions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Sked.Workflows.Testing;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Sked.Workflows.Web.Tests.Features.Portal;

/// <summary>The receipt's QR code, read back as a phone camera would, opens the tracking address the receipt prints.</summary>
public sealed partial class ReceiptQrTests(TestDatabases databases)
{
    [Fact]
    public async Task TheReceiptsQrCode_HoldsItsTrackingAddress()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var citizen = app.Anonymous();
        var code = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint());

        var html = await citizen.GetStringAsync($"/receipt/{code}");

        var address = WebUtility.HtmlDecode(AddressLink().Match(html).Groups["href"].Value);
        Assert.Equal(new Uri(app.BaseAddress, "/track?code=" + code).ToString(), address);
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(QrImage().Match(html).Groups["png"].Value));
        Assert.Equal(address, Read(png));
    }

    private static string Read(byte[] png)
    {
        using var image = Image.Load<Rgb24>(png);
        var pixels = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(pixels);
        var source = new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(decoded);
        return decoded.Text;
    }

    [GeneratedRegex("""<a href="(?<href>[^"]+)" id="tracking-address""", RegexOptions.None, 1000)]
    private static partial Regex AddressLink();

    [GeneratedRegex("""<img src="data:image/png;base64,(?<png>[^"]+)"[^>]*id="tracking-qr""", RegexOptions.None, 1000)]
    private static partial Regex QrImage();
}
