namespace HardNegRules.Negatives;

/// <summary>A 64-bit key per image file name: rows of one image share it (for excluding them from each other's neg_image).</summary>
internal static class ImageKeys
{
    public static ulong Of(ReadOnlySpan<byte> file)
    {
        // FNV-1a: stable across runs and platforms.
        ulong hash = 14695981039346656037UL;
        foreach (byte b in file)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
