namespace HardNegRules.Data.Loaders;

/// <summary>Checks that an encoded JPEG or PNG ends with its end marker, which a truncated file lacks.</summary>
internal static class EncodedImageEnd
{
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]; // "IEND" + its CRC

    /// <summary>Why the image looks truncated, or null when it ends as its format requires (or the format has no end marker).</summary>
    public static string? IsTruncated(ReadOnlySpan<byte> bytes, string formatName)
    {
        // Encoders and downloads may leave zero padding after the marker; it is not part of the image.
        ReadOnlySpan<byte> data = bytes.TrimEnd((byte)0);
        return formatName.ToUpperInvariant() switch
        {
            "JPEG" => data.Length >= 2 && data[^2] == 0xFF && data[^1] == 0xD9 ? null : "truncated JPEG (no end-of-image marker)",
            "PNG" => data.EndsWith(PngEnd) ? null : "truncated PNG (no IEND chunk)",
            _ => null,
        };
    }
}
