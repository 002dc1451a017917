using HardNegRules.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Decodes images from files or bytes defensively: the header is identified and the size checked before any pixels
/// are decoded, and corrupt, truncated or unknown files are refused with a reason instead of an exception.
/// </summary>
public sealed class SafeImageLoader
{
    /// <summary>Creates a loader with the given limits.</summary>
    /// <param name="options">The limits; the defaults when null.</param>
    public SafeImageLoader(ImageLoadOptions? options = null) => Options = options ?? new ImageLoadOptions();

    /// <summary>The limits.</summary>
    public ImageLoadOptions Options { get; }

    /// <summary>Decodes an image to RGB, or says why not.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The image (owned by the caller) or the reason it was refused.</returns>
    public ImageLoadResult Load(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        byte[]? bytes = image.Bytes;
        if (bytes is null)
        {
            (bytes, string? readError) = ReadFile(image.Path!);
            if (bytes is null)
            {
                return new ImageLoadResult(null, readError);
            }
        }

        return Decode(bytes);
    }

    /// <summary>Decodes an image, reporting a refusal to <paramref name="report"/> as an error of <paramref name="source"/>.</summary>
    /// <param name="image">The image.</param>
    /// <param name="report">Where a refusal is reported.</param>
    /// <param name="source">The file the image belongs to (its own path, or the data file that holds it).</param>
    /// <param name="record">The record index within <paramref name="source"/>, if any.</param>
    /// <returns>The image (owned by the caller), or null when refused.</returns>
    public Image<Rgb24>? Load(ImageReference image, DataLoadReport report, string source, long? record = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ImageLoadResult result = Load(image);
        if (result.Error is { } error)
        {
            report.Add(new DataLoadError(source, null, record, $"image {image}: {error}"));
        }

        return result.Image;
    }

    private (byte[]? Bytes, string? Error) ReadFile(string path)
    {
        try
        {
            // A pipe or device named like an image would block the read or never end: only regular files are read.
            InputFileKind kind = InputFile.KindOf(path);
            if (kind != InputFileKind.Regular)
            {
                return (null, kind == InputFileKind.Missing ? "file not found" : new NotARegularFileException(path, kind).Message);
            }

            var info = new FileInfo(path);
            return info.Length > Options.MaxFileBytes
                ? (null, $"file of {info.Length:N0} bytes is over the limit of {Options.MaxFileBytes:N0}")
                : (InputFile.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable: {e.Message}");
        }
    }

    private ImageLoadResult Decode(byte[] bytes)
    {
        try
        {
            IImageInfo? info = Image.Identify(bytes, out SixLabors.ImageSharp.Formats.IImageFormat? format);
            if (info is null || format is null)
            {
                return new ImageLoadResult(null, "not an image in a known format");
            }

            long pixels = (long)info.Width * info.Height;
            if (info.Width <= 0 || info.Height <= 0 || pixels > Options.MaxPixels)
            {
                return new ImageLoadResult(null, $"{info.Width}x{info.Height} is over the limit of {Options.MaxPixels:N0} pixels");
            }

            // ImageSharp decodes a truncated JPEG or PNG without complaint (the missing rows come out gray), so the
            // end-of-image markers are checked first: a half-downloaded image must not become a training sample.
            if (EncodedImageEnd.IsTruncated(bytes, format.Name) is { } truncation)
            {
                return new ImageLoadResult(null, truncation);
            }

            return new ImageLoadResult(Image.Load<Rgb24>(bytes), null);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException or ArgumentException)
        {
            return new ImageLoadResult(null, $"corrupt image: {e.Message}");
        }
    }
}
