using System.Buffers.Binary;

namespace HardNegRules.Training.Weights;

/// <summary>Decodes 16-bit little-endian floats (IEEE half and bfloat16) into singles, exactly (both widen losslessly).</summary>
internal static class HalfPrecision
{
    public static void DecodeF16(ReadOnlySpan<byte> source, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(source.Slice(2 * i, 2));
        }
    }

    public static void DecodeBF16(ReadOnlySpan<byte> source, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            // bfloat16 is the top half of a single: shifting it back up is the exact conversion (NaN payloads included).
            int bits = BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(2 * i, 2)) << 16;
            destination[i] = BitConverter.Int32BitsToSingle(bits);
        }
    }
}
