using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp;
using Sked.Workflows.Domain.Cases;

namespace Sked.Workflows.Web.Features.Portal;

/// <summary>
/// Accepts up to five JPEG or PNG photos, judged by their bytes and not their names, and re-encodes
/// each one without its metadata (EXIF, GPS, camera) and no larger than 2048 px.
/// </summary>
[FeatureContract]
public static class PhotoUploads
{
    public const int MaxPhotos = 5;
    public const long MaxBytes = 8 * 1024 * 1024;
    private const int MaxSide = 2048;

    public static async Task<(List<CaseAttachment> Photos, string? Error)> ReadAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        var chosen = files.Where(f => f.Length > 0).ToList();
        if (chosen.Count > MaxPhotos)
        {
            return ([], Domain.Text.Catalogue.Render(PortalErrors.PhotosTooMany));
        }

        var photos = new List<CaseAttachment>();
        foreach (var file in chosen)
        {
            if (file.Length > MaxBytes)
            {
                return ([], Domain.Text.Catalogue.Render(PortalErrors.PhotoTooLarge, file.FileName));
            }

            var photo = await ReEncodeAsync(file, cancellationToken);
            if (photo is null)
            {
                return ([], Domain.Text.Catalogue.Render(PortalErrors.PhotoNotImage, file.FileName));
            }

            photos.Add(photo);
        }

        return (photos, null);
    }

    /// <summary>Re-encodes one uploaded image held in memory (the staff screens' upload); null with a Persian reason when it is not a photo.</summary>
    public static async Task<(CaseAttachment? Photo, string? Error)> ReEncodeAsync(byte[] content, string name, CancellationToken cancellationToken)
    {
        if (content.LongLength > MaxBytes)
        {
            return (null, Domain.Text.Catalogue.Render(PortalErrors.FileTooLarge, name));
        }

        await using var input = new MemoryStream(content);
        var photo = await ReEncodeAsync(input, cancellationToken);
        return photo is null ? (null, Domain.Text.Catalogue.Render(PortalErrors.PhotoNotImage, name)) : (photo, null);
    }

    private static async Task<CaseAttachment?> ReEncodeAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var input = file.OpenReadStream();
        return await ReEncodeAsync(input, cancellationToken);
    }

    private static async Task<CaseAttachment?> ReEncodeAsync(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            var (image, format) = await Image.LoadWithFormatAsync(input, cancellationToken);
            using var disposable = image;
            var isPng = format is PngFormat;
            if (format is not (JpegFormat or PngFormat))
            {
                return null;
            }

            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            if (image.Width > MaxSide || image.Height > MaxSide)
            {
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(MaxSide, MaxSide) }));
            }

            await using var output = new MemoryStream();
            if (isPng)
            {
                await image.SaveAsPngAsync(output, cancellationToken);
            }
            else
            {
                await image.SaveAsJpegAsync(output, new JpegEncoder { Quality = 85 }, cancellationToken);
            }

            return new CaseAttachment
            {
                FileName = $"photo-{Guid.NewGuid():N}.{(isPng ? "png" : "jpg")}",
                ContentType = isPng ? "image/png" : "image/jpeg",
                Content = output.ToArray(),
            };
        }
        // ImageSharp 2.1's JPEG decoder throws NullReferenceException on a truncated file (found by the fuzz suite):
        // a file the decoder chokes on is not a photo, not a fault of the server.
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or NullReferenceException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
