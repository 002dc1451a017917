using HardNegRules.Data.Loaders;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// Decodes photos for the model: <see cref="SafeImageLoader"/> (size limits, corrupt and truncated files refused) then
/// <see cref="ClipImagePreprocessor"/>. A refusal is reported, never thrown. Safe to use from several threads.
/// </summary>
/// <param name="imageSize">The model's image side.</param>
/// <param name="report">Where refused images are reported.</param>
/// <param name="loader">The decoder and its limits; null for the defaults.</param>
public sealed class PhotoDecoder(int imageSize, DataLoadReport report, SafeImageLoader? loader = null)
{
    private readonly SafeImageLoader loader = loader ?? new SafeImageLoader();
    private readonly DataLoadReport report = report ?? throw new ArgumentNullException(nameof(report));
    private readonly Lock gate = new();

    /// <summary>The model's image side.</summary>
    public int ImageSize { get; } = imageSize > 0 ? imageSize : throw new ArgumentOutOfRangeException(nameof(imageSize));

    /// <summary>Decodes and preprocesses an image, or reports why it cannot.</summary>
    /// <param name="image">The image.</param>
    /// <param name="usedBy">What the image is to the data set ("image of pair 17"), for the report.</param>
    /// <param name="pixels">3 x size x size normalised CHW floats, or null.</param>
    /// <returns>Whether the image was read.</returns>
    public bool TryDecode(ImageReference image, string usedBy, out float[]? pixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageLoadResult result = loader.Load(image);
        if (result.Image is not { } decoded)
        {
            lock (gate)
            {
                report.Add(DataLoadError.InFile(image.ToString(), $"{usedBy}: {result.Error}"));
            }
            pixels = null;
            return false;
        }
        using Image<Rgb24> owned = decoded;
        pixels = new float[3 * ImageSize * ImageSize];
        ClipImagePreprocessor.ToNormalizedChw(owned, ImageSize, pixels);
        return true;
    }
}
