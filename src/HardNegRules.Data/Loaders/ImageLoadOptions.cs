namespace HardNegRules.Data.Loaders;

/// <summary>Limits of <see cref="SafeImageLoader"/>.</summary>
public sealed record ImageLoadOptions
{
    /// <summary>
    /// The most pixels (width x height) an image may have. A small file can declare a huge image ("decompression
    /// bomb"); its header is read first and such images are refused before any pixel memory is allocated. The default
    /// (40 megapixels, 120 MB as RGB) is far above any photo these data sets hold.
    /// </summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>The largest encoded file read into memory, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;
}
