using Sked.Workflows.Web.Features.Portal;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>The 500s the fuzz suite found, each kept as a small test of its own.</summary>
public sealed class FoundByFuzzingTests
{
    public static TheoryData<string, byte[]> BrokenPhotos() => new()
    {
        // A JPEG's first bytes and nothing else, or followed by zeros: the decoder threw a NullReferenceException (500 on POST /report).
        { "jpeg header only", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00] },
        { "jpeg header and zeros", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[4096]] },
        { "png with a huge header", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "php after a jpeg header", [0xFF, 0xD8, 0xFF, 0xE0, .. "<?php system($_GET['c']); ?>"u8.ToArray()] },
    };

    [Theory]
    [MemberData(nameof(BrokenPhotos))]
    public async Task ABrokenPhoto_IsRefusedAsNotAPhoto_NotA500(string what, byte[] content)
    {
        var (photo, error) = await PhotoUploads.ReEncodeAsync(content, "photo.jpg", TestContext.Current.CancellationToken);
        Assert.Null(photo);
        Assert.False(string.IsNullOrEmpty(error), what);
    }
}
