namespace HardNegRules.Data.Loaders;

/// <summary>
/// Where an image is: a file, or encoded bytes held in memory (parquet data sets store images inline). Nothing is
/// decoded here; <see cref="SafeImageLoader"/> decodes with size checks.
/// </summary>
public sealed class ImageReference
{
    private ImageReference(string? path, byte[]? bytes, string? name)
    {
        Path = path;
        Bytes = bytes;
        Name = name;
    }

    /// <summary>The image file, when the image is a file; else null.</summary>
    public string? Path { get; }

    /// <summary>The encoded image (JPEG, PNG, ...), when it is held in memory; else null.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The file name the data set gives an in-memory image (HF datasets' "path"), or the file's path; may be null.</summary>
    public string? Name { get; }

    /// <summary>An image in a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The reference.</returns>
    public static ImageReference FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ImageReference(path, null, path);
    }

    /// <summary>An encoded image held in memory.</summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="name">The name the data set gives it, if any.</param>
    /// <returns>The reference.</returns>
    public static ImageReference FromBytes(byte[] bytes, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new ImageReference(null, bytes, name);
    }

    /// <inheritdoc />
    public override string ToString() => Path ?? $"{Name ?? "image"} ({Bytes!.Length} bytes in memory)";
}
