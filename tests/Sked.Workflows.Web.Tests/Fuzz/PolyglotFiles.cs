using System.Text;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>Files that are two things at once, or lie about what they are: the uploads a photo field must survive.</summary>
public static class PolyglotFiles
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Names =
    [
        "photo.jpg", "../../../wwwroot/x.html", "photo.jpg\u0000.php", "\u202Egpj.exe", "عکس.png", "CON.jpg", "a.svg",
        new string('ش', 300) + ".jpg", "", ".jpg", "photo.JPG ", "x\r\nContent-Type: text/html.jpg",
    ];

    private static readonly string[] MediaTypes = ["image/jpeg", "image/png", "text/html", "application/octet-stream", "image/svg+xml", "image/jpeg; x=\"", ""];

    public static (string Name, string MediaType, byte[] Bytes) Next(Random random)
    {
        var bytes = random.Next(9) switch
        {
            0 => [],
            1 => [.. Jpeg, .. Encoding.UTF8.GetBytes("<?php system($_GET['c']); ?><script>alert(1)</script>")],
            2 => [.. Png, .. Encoding.UTF8.GetBytes("PK\u0003\u0004 zip inside a png")],
            3 => Encoding.UTF8.GetBytes("GIF89a/*<svg onload=alert(1)>*/=1;"),
            4 => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            5 => [.. Jpeg, .. new byte[random.Next(1, 3_000_000)]],
            6 => [.. Png, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            7 => Jpeg,
            _ => Encoding.UTF8.GetBytes("%PDF-1.4 " + HostileValues.Text(random)),
        };
        return (HostileValues.Pick(random, Names), HostileValues.Pick(random, MediaTypes), bytes);
    }
}
