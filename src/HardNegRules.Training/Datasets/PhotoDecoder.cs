using HardNegRules.Data.Images;
using HardNegRules.Data.Loaders;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace HardNegRules.Training.Datasets;

/// <summary>
/// Decodes photos for the model: <see cref="SafeImageLoader"/> (size limits, corrupt and truncated files refused) then
/// <see cref="ClipImagePreprocessor"/>. A refusal is reported, never thrown. Safe to use from several threads.
/// </summary>
/// <param name="imageSize">The model's image side.</param>
/// <param name="report">Where refused images are reported.</param>
/// <param name="loader">The decoder and its limits; null for the defaults.</param>
public sealed class PhotoDecoder(int imageSize, DataLoadReport report, SafeImageLoader? loader = null)
{
    private readonly SafeImageLoader _loader = loader ?? new SafeImageLoader();
    private readonly DataLoadReport _report = report ?? throw new ArgumentNullException(nameof(report));
    private readonly Lock _gate = new();

    /// <summary>The model's image side.</summary>
    public int ImageSize { get; } = imageSize > 0 ? imageSize : throw new ArgumentOutOfRangeException(nameof(imageSize));

    /// <summary>Decodes and preprocesses an image, or reports why it cannot.</summary>
    /// <param name="image">The image.</param>
    /// <param name="usedBy">What the image is to the data set ("image of pair 17"), for the report.</param>
    /// <param name="pixels">3 x size x size normalised CHW floats, or null.</param>
    /// <returns>Whether the image was read.</returns>
    public bool TryDecode(ImageReference image, string usedBy, out float[]? pixels) => TryDecode(image, usedBy, crop: null, out pixels);

    /// <summary>Decodes an image, cuts out <paramref name="crop"/> (clipped to the image), and preprocesses it, or
    /// reports why it cannot.</summary>
    /// <param name="image">The image.</param>
    /// <param name="usedBy">What the image is to the data set ("image of pair 17"), for the report.</param>
    /// <param name="crop">The region to keep, in pixels of the decoded image; null keeps the whole image.</param>
    /// <param name="pixels">3 x size x size normalised CHW floats, or null.</param>
    /// <returns>Whether the image was read.</returns>
    public bool TryDecode(ImageReference image, string usedBy, Rectangle? crop, out float[]? pixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageLoadResult result = _loader.Load(image);
        if (result.Image is not { } decoded)
        {
            Report(image, $"{usedBy}: {result.Error}");
            pixels = null;
            return false;
        }
        using Image<Rgb24> owned = decoded;
        if (crop is { } region)
        {
            // Boxes that reach past the border (common in Visual Genome) keep the part inside the image.
            Rectangle inside = Rectangle.Intersect(region, owned.Bounds());
            if (inside.Width < 1 || inside.Height < 1)
            {
                Report(image, $"{usedBy}: box {region} lies outside the {owned.Width}x{owned.Height} image");
                pixels = null;
                return false;
            }
            owned.Mutate(x => x.Crop(inside));
        }
        pixels = new float[3 * ImageSize * ImageSize];
        ClipImagePreprocessor.ToNormalizedChw(owned, ImageSize, pixels);
        return true;
    }

    private void Report(ImageReference image, string message)
    {
        lock (_gate)
        {
            _report.Add(DataLoadError.InFile(image.ToString(), message));
        }
    }
}
