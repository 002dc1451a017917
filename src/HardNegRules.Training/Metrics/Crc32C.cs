using System.Numerics;

namespace HardNegRules.Training.Metrics;

/// <summary>CRC-32C (Castagnoli) and the masked form TFRecord files use.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        // BitOperations.Crc32C is the raw update step (hardware SSE4.2 where present); CRC-32C proper starts from
        // all ones and inverts at the end.
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return ~crc;
    }

    /// <summary>TFRecord's mask: rotate right by 15 and add a constant, so a CRC of data containing CRCs stays strong.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = Compute(data);
        return ((crc >> 15) | (crc << 17)) + 0xA282EAD8;
    }
}
