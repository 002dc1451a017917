using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Loaders;

/// <summary>A decoded image, or why it could not be decoded. The caller owns and disposes <see cref="Image"/>.</summary>
/// <param name="Image">The decoded image, or null.</param>
/// <param name="Error">Why it was refused, or null.</param>
public sealed record ImageLoadResult(Image<Rgb24>? Image, string? Error)
{
    /// <summary>Whether the image was decoded.</summary>
    public bool Succeeded => Image is not null;
}
