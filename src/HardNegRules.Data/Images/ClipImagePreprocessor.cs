using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace HardNegRules.Data.Images;

/// <summary>
/// CLIP's image preprocessing for photos: resize (bicubic) so the shorter side is the model's size, crop the centre
/// square, scale to 0-1 and normalise with CLIP's per-channel mean and standard deviation, as CHW floats.
/// </summary>
public static class ClipImagePreprocessor
{
    /// <summary>Preprocesses <paramref name="image"/> in place (it is resized) into <paramref name="destination"/>.</summary>
    /// <param name="image">The decoded image; it is changed.</param>
    /// <param name="size">The model's image side.</param>
    /// <param name="destination">3 * size * size floats, channel-major.</param>
    public static void ToNormalizedChw(Image<Rgb24> image, int size, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, 3 * size * size, nameof(destination));
        image.Mutate(x => x.Resize(new ResizeOptions
        {
            Size = new Size(size, size),
            Mode = ResizeMode.Crop, // cover the square, then cut the overhang evenly: CLIP's resize + CenterCrop
            Position = AnchorPositionMode.Center,
            Sampler = KnownResamplers.Bicubic,
        }));
        WriteNormalizedChw(image, destination);
    }

    /// <summary>
    /// Writes <paramref name="image"/> as it is (no resize) into <paramref name="destination"/>: scaled to 0-1 and
    /// normalised with <see cref="ClipNormalization"/>, (value / 255 - mean) / std, one plane per channel.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="destination">At least 3 * width * height floats, channel-major.</param>
    public static void WriteNormalizedChw(Image<Rgb24> image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        int plane = image.Width * image.Height;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, 3 * plane, nameof(destination));
        Rgb24[] pixels = ArrayPool<Rgb24>.Shared.Rent(plane);
        try
        {
            image.CopyPixelDataTo(pixels.AsSpan(0, plane));
            Span<float> red = destination[..plane], green = destination.Slice(plane, plane), blue = destination.Slice(2 * plane, plane);
            (float scaleR, float offsetR) = Channel(0);
            (float scaleG, float offsetG) = Channel(1);
            (float scaleB, float offsetB) = Channel(2);
            for (int i = 0; i < plane; i++)
            {
                Rgb24 pixel = pixels[i];
                red[i] = (pixel.R * scaleR) - offsetR;
                green[i] = (pixel.G * scaleG) - offsetG;
                blue[i] = (pixel.B * scaleB) - offsetB;
            }
        }
        finally
        {
            ArrayPool<Rgb24>.Shared.Return(pixels);
        }
    }

    /// <summary>(x / 255 - mean) / std as x * scale - offset.</summary>
    private static (float Scale, float Offset) Channel(int c) =>
        (1f / (255f * ClipNormalization.StandardDeviation[c]), ClipNormalization.Mean[c] / ClipNormalization.StandardDeviation[c]);
}
